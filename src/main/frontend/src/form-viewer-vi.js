// The form-js viewer's own words in Vietnamese (its translate service), so that a form's messages read as the page.
const WORDS = {
  'Add new': 'Thêm',
  'All values selected': 'Đã chọn tất cả',
  'Collapse': 'Thu gọn',
  'Date and time must both be entered.': 'Cần nhập cả ngày và giờ.',
  'Decrement': 'Giảm',
  'Expand all ({value})': 'Mở tất cả ({value})',
  'Field is required.': 'Bắt buộc nhập.',
  'Field must be a valid email.': 'Địa chỉ email không hợp lệ.',
  'Field must be a valid international phone number. (e.g. +4930664040900)':
    'Số điện thoại quốc tế không hợp lệ (ví dụ +84912345678).',
  'Field must have maximum length of {value}.': 'Tối đa {value} ký tự.',
  'Field must have maximum value of {value}.': 'Giá trị tối đa là {value}.',
  'Field must have minimum length of {value}.': 'Tối thiểu {value} ký tự.',
  'Field must have minimum value of {value}.': 'Giá trị tối thiểu là {value}.',
  'Field must match pattern {value}.': 'Không đúng mẫu {value}.',
  'Increment': 'Tăng',
  'Next page': 'Trang sau',
  'No content to show.': 'Không có nội dung.',
  'No files selected': 'Chưa chọn tệp',
  'No results': 'Không có kết quả',
  'Nothing to show.': 'Không có dữ liệu.',
  'Please select a valid value, the two nearest valid values are {previousValue} and {nextValue}.':
    'Hãy chọn giá trị hợp lệ; hai giá trị gần nhất là {previousValue} và {nextValue}.',
  'Previous page': 'Trang trước',
  'Remove tag': 'Bỏ',
  'Search': 'Tìm',
  'Skip to search': 'Đến ô tìm',
  'Value is expected to be an integer.': 'Phải là số nguyên.',
  'Value is expected to have at most 1 decimal digit.': 'Tối đa 1 chữ số thập phân.',
  'Value is expected to have at most {value} decimal digits.': 'Tối đa {value} chữ số thập phân.',
  'Value is not a number.': 'Không phải là số.',
  '{page} of {total}': '{page}/{total}',
  '{value} files selected': 'Đã chọn {value} tệp'
};

/** form-js's translate service (same contract: a template with {placeholders}), answering in Vietnamese. */
function translate(template, replacements = {}) {
  return (WORDS[template] ?? template).replace(/{([^}]+)}/g, (_, key) => replacements[key] || `{${key}}`);
}

export const VietnameseModule = { translate: ['value', translate] };
