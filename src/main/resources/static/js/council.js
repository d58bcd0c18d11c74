// The council's review page: a reason becomes required as soon as an appraised score differs from the self-score.
// The server checks the same before it concludes; this only says so while one types.
(function () {
  const number = text => {
    const value = (text || '').trim().replace(/\s/g, '');
    if (value === '') return null;
    const normalised = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
    const parsed = Number(normalised);
    return Number.isNaN(parsed) ? NaN : parsed;
  };

  function update(input) {
    const code = input.id.replace(/^score-/, '');
    const reason = document.getElementById('reason-' + code);
    const hint = document.getElementById('hint-' + code);
    if (!reason) return;
    const entered = number(input.value);
    const self = number(input.dataset.self) ?? 0;
    const differs = entered !== null && entered !== self;
    reason.required = differs;
    reason.setAttribute('aria-required', String(differs));
    if (hint) {
      hint.classList.toggle('warning', differs);
      hint.classList.toggle('muted', !differs);
      hint.textContent = differs ? 'Bắt buộc: điểm thẩm định khác điểm tự đánh giá.'
        : 'Bắt buộc khi điểm thẩm định khác điểm tự đánh giá.';
    }
    if (hint) reason.setAttribute('aria-describedby', hint.id);
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('.appraised-input').forEach(input => {
      update(input);
      input.addEventListener('input', () => update(input));
      input.addEventListener('change', () => update(input));
    });
    // Saving a draft needs no reasons yet; only concluding does.
    const save = document.querySelector('#appraisal button[value="save"]');
    if (save) save.formNoValidate = true;
  });
})();
