// One task's page: its Camunda Form in the form-js viewer, saved as a draft as one types, then completed. On the
// self-assessment, entries are also written to the assessment as one types (so its checks follow), and each item
// has its evidence panel: the files attached, the checks, and an upload with its progress.
(() => {
  const page = JSON.parse(document.getElementById('task-data').textContent);
  const selfAssessment = page.assessmentId != null;
  const assessmentUrl = selfAssessment ? `/api/assessments/${page.assessmentId}` : null;
  const SAVE_DELAY_MS = 800;

  const draftStatus = document.getElementById('draft-status');
  const entryStatus = document.getElementById('entry-status');
  const submitErrors = document.getElementById('submit-errors');
  const submitButton = document.getElementById('submit');

  let form = null;
  let latest = null;        // the form's data as it stands
  let timer = null;
  let pending = false;      // typed since the last save
  let saving = Promise.resolve();
  let entriesRefused = false;
  let draftRefused = null;  // the reason the last draft could not be saved
  const baseline = {};      // item code -> the entry the assessment holds, as stable JSON
  const versions = {};      // item code -> the item's version that entry is (a save names it; 0: never saved)
  let generalBaseline = '{}';

  // --- the form's data -------------------------------------------------------------------------------------------

  /** The schema as the page renders it: files are attached in the evidence panel, never in the form's file picker. */
  function pageSchema(schema) {
    const strip = components => (components || [])
      .filter(c => c.type !== 'filepicker')
      .map(c => (c.components ? { ...c, components: strip(c.components) } : c));
    return { ...schema, components: strip(schema.components) };
  }

  /** The top-level data keys the form binds (a group with a path binds its path; one without, its children's). */
  function boundKeys(components, keys = new Set()) {
    for (const c of components || []) {
      const bound = c.path || c.key;
      if (bound) {
        keys.add(bound.split('.')[0]);
      } else if (c.components) {
        boundKeys(c.components, keys);
      }
    }
    return keys;
  }

  const isObject = value => value !== null && typeof value === 'object' && !Array.isArray(value);
  const blank = value => value === undefined || value === null || value === '';

  /** The value without its empty parts (and, when asked, unticked boxes), object keys sorted. */
  function compact(value, dropFalse = false) {
    if (Array.isArray(value)) {
      return value.map(v => compact(v, dropFalse));
    }
    if (!isObject(value)) {
      return value;
    }
    const out = {};
    Object.keys(value).sort().forEach(key => {
      const v = compact(value[key], dropFalse);
      if (!blank(v) && !(dropFalse && v === false) && !(isObject(v) && Object.keys(v).length === 0)) {
        out[key] = v;
      }
    });
    return out;
  }

  /**
   * Two states compare equal when they hold the same entries: empty values and unticked boxes left out (an unticked
   * "Đạt" reads as no entry, as the form shows it).
   */
  const stable = value => JSON.stringify(compact(value, true) ?? null);

  /** Lays a saved draft over the data: item rows by their code, groups field by field. */
  function overlay(data, draft) {
    for (const [key, value] of Object.entries(draft || {})) {
      if (key === 'itemVersions') {
        continue;
      } else if (key === 'items' && Array.isArray(value) && Array.isArray(data.items)) {
        const byCode = new Map(value.filter(isObject).map(row => [row.code, row]));
        data.items = data.items.map(row => ({ ...row, ...(byCode.get(row.code) || {}) }));
      } else if (isObject(value) && isObject(data[key])) {
        data[key] = { ...data[key], ...value };
      } else {
        data[key] = value;
      }
    }
    return data;
  }

  // --- the self-assessment's entries -----------------------------------------------------------------------------

  const number = value => (blank(value) ? null : Number(value));
  const text = value => (blank(value) ? null : String(value));

  /** A row of the form's item list as the assessment API takes it (evidence left out: the item keeps its files). */
  function entryOf(row) {
    const explanation = text(row.explanation);
    if (row.notApplicable === true) {
      return { notApplicable: true, explanation };
    }
    switch (row.kind) {
      case 'YES_NO':
        return { met: row.met === true, explanation };
      case 'RATIO':
        return blank(row.numerator) && blank(row.denominator) && !blank(row.percent)
          ? { percent: number(row.percent), explanation }
          : { numerator: number(row.numerator), denominator: number(row.denominator), explanation };
      default:
        return { points: number(row.points), explanation };
    }
  }

  /** The general information as the assessment keeps it: the form's three groups in one object. */
  function generalOf(data) {
    return compact({ ...(data.generalInfo || {}), provider: data.provider || {}, approver: data.approver || {} });
  }

  /** The data the form opens with: the leaves' rows, filled with what the assessment holds. */
  function fromAssessment(data, assessment) {
    const stored = new Map(assessment.items.map(item => [item.code, item]));
    readVersions(assessment);
    data.items = page.leaves.map(leaf => {
      const item = stored.get(leaf.code);
      const row = { ...leaf };
      if (item && item.self) {
        for (const field of ['met', 'numerator', 'denominator', 'percent', 'points', 'notApplicable']) {
          if (item.self[field] !== null && item.self[field] !== undefined) {
            row[field] = item.self[field];
          }
        }
      }
      if (item && item.explanation) {
        row.explanation = item.explanation;
      }
      baseline[leaf.code] = stable(entryOf(row));
      return row;
    });
    const { provider, approver, ...general } = assessment.generalInfo || {};
    data.generalInfo = { ...(data.generalInfo || {}), ...general };
    data.provider = provider || data.provider;
    data.approver = approver || data.approver;
    generalBaseline = stable(assessment.generalInfo || {});
    return data;
  }

  function readVersions(assessment) {
    page.leaves.forEach(leaf => { versions[leaf.code] = 0; });
    assessment.items.forEach(item => { versions[item.code] = item.version; });
  }

  /**
   * Entries a draft holds that the assessment does not were typed on the versions the draft names: saved with those,
   * they are refused if someone saved the item since, instead of overwriting it unseen.
   */
  function draftVersions(data, draft) {
    const typedOn = (draft && draft.itemVersions) || {};
    for (const row of data.items || []) {
      if (typedOn[row.code] !== undefined && stable(entryOf(row)) !== baseline[row.code]) {
        versions[row.code] = typedOn[row.code];
      }
    }
  }

  /**
   * Writes to the assessment the entries that differ from what it holds, each with the version it was typed on; all
   * or none, as the API does. An item saved by someone else meanwhile is refused (409): nothing is overwritten, and
   * the person is told to reload and see what it holds now.
   */
  async function saveEntries(data) {
    const items = {};
    const entries = {};
    for (const row of data.items || []) {
      const entry = entryOf(row);
      if (stable(entry) !== baseline[row.code]) {
        entries[row.code] = entry;
        items[row.code] = { ...entry, version: versions[row.code] ?? 0 };
      }
    }
    const general = generalOf(data);
    const body = {};
    if (Object.keys(items).length) {
      body.items = items;
    }
    if (stable(general) !== generalBaseline) {
      body.generalInfo = general;
    }
    if (!Object.keys(body).length) {
      return;
    }
    try {
      const assessment = await Dti.api('PUT', assessmentUrl, body);
      Object.entries(entries).forEach(([code, entry]) => { baseline[code] = stable(entry); });
      readVersions(assessment);
      if (body.generalInfo) {
        generalBaseline = stable(body.generalInfo);
      }
      entriesRefused = false;
      entryStatus.textContent = '';
      showFiles(assessment);
      await refreshChecks();
    } catch (error) {
      entriesRefused = true;
      const conflicts = (error.status === 409 && error.problem && error.problem.conflicts) || [];
      // Told once: the next save of these items is made on what they hold now, and replaces it knowingly.
      conflicts.forEach(conflict => { versions[conflict.item] = conflict.version; });
      entryStatus.textContent = conflicts.length
        ? `${error.message} Tải lại trang để xem giá trị đó, hoặc sửa tiếp để thay bằng giá trị của bạn.`
        : `Bản nháp đã lưu nhưng chưa ghi được vào phiếu: ${error.message}`;
    }
  }

  // --- drafts ----------------------------------------------------------------------------------------------------

  const keys = page.schema ? boundKeys(page.schema.components) : new Set();

  function draftData(data) {
    const out = {};
    keys.forEach(key => {
      if (data[key] !== undefined) {
        out[key] = data[key];
      }
    });
    return out;
  }

  /** The draft as saved: on the self-assessment, with the versions of the items its entries were typed on. */
  function draftToSave(data) {
    return selfAssessment ? { ...draftData(data), itemVersions: { ...versions } } : draftData(data);
  }

  function schedule() {
    pending = true;
    draftStatus.textContent = 'Đang nhập…';
    clearTimeout(timer);
    timer = setTimeout(() => { saving = saving.then(save); }, SAVE_DELAY_MS);
  }

  async function save() {
    clearTimeout(timer);
    if (!pending || !latest) {
      return;
    }
    pending = false;
    const data = latest;
    try {
      const draft = await Dti.api('PUT', `/api/tasks/${page.key}/draft`, draftToSave(data));
      draftRefused = null;
      draftStatus.textContent = `Đã lưu nháp lúc ${draft.savedAtText}`;
    } catch (error) {
      pending = true;
      draftRefused = error.message;
      draftStatus.textContent = `Chưa lưu được nháp: ${error.message}`;
      return;
    }
    if (selfAssessment) {
      await saveEntries(data);
    }
  }

  // --- evidence and checks ---------------------------------------------------------------------------------------

  const card = code => document.querySelector(`.evidence-item[data-item="${CSS.escape(code)}"]`);

  function listItem(textContent, className) {
    const li = document.createElement('li');
    li.textContent = textContent;
    if (className) {
      li.className = className;
    }
    return li;
  }

  function showFiles(assessment) {
    const byCode = new Map(assessment.items.map(item => [item.code, item.evidence || []]));
    document.querySelectorAll('.evidence-item').forEach(item => {
      const files = byCode.get(item.dataset.item) || [];
      item.querySelector('.files').replaceChildren(...files.map(name => listItem(name)));
      item.querySelector('.files-label').textContent = files.length
        ? 'Tài liệu đã đính kèm:' : 'Chưa có tài liệu kiểm chứng.';
    });
  }

  async function refreshChecks() {
    let result;
    try {
      result = await Dti.api('GET', `${assessmentUrl}/checks`);
    } catch (error) {
      document.getElementById('general-checks').replaceChildren(
        listItem(`Chưa tải được kết quả kiểm tra: ${error.message}`, 'warning'));
      return;
    }
    const perItem = new Map();
    const general = [];
    for (const finding of result.checks) {
      const li = () => {
        const item = listItem(finding.message, finding.blocking ? 'error' : 'warning');
        item.dataset.code = finding.code;
        return item;
      };
      if (!finding.items.length) {
        general.push(li());
      }
      finding.items.forEach(code => {
        if (!perItem.has(code)) {
          perItem.set(code, []);
        }
        perItem.get(code).push(li());
      });
    }
    document.getElementById('general-checks').replaceChildren(...general);
    document.querySelectorAll('.evidence-item').forEach(item => {
      item.querySelector('.checks').replaceChildren(...(perItem.get(item.dataset.item) || []));
    });
  }

  async function refreshAssessment() {
    showFiles(await Dti.api('GET', assessmentUrl));
    await refreshChecks();
  }

  /** Problem details' Vietnamese message, as Dti.api words it. */
  function problemMessage(status, body) {
    try {
      const problem = JSON.parse(body);
      const reasons = (problem.errors || []).map(e => e.reason).join('; ');
      return [problem.detail || `Lỗi ${status}`, reasons].filter(Boolean).join(': ');
    } catch {
      return `Lỗi ${status}`;
    }
  }

  /** Uploads with XMLHttpRequest: fetch cannot report an upload's progress. */
  function upload(item) {
    const code = item.dataset.item;
    const input = item.querySelector('input[type=file]');
    const progress = item.querySelector('progress');
    const status = item.querySelector('.upload-status');
    const button = item.querySelector('.upload-button');
    status.className = 'upload-status';
    if (!input.files.length) {
      status.textContent = 'Hãy chọn tệp trước khi tải lên.';
      return;
    }
    const body = new FormData();
    Array.from(input.files).forEach(file => body.append('files', file));
    body.append('items', code);
    const request = new XMLHttpRequest();
    request.open('POST', `${assessmentUrl}/evidence`);
    request.setRequestHeader('Accept', 'application/json');
    Object.entries(Dti.csrfHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    status.textContent = 'Đang tải lên… 0%';
    request.upload.onprogress = event => {
      if (event.lengthComputable) {
        progress.value = Math.round((100 * event.loaded) / event.total);
        status.textContent = `Đang tải lên… ${progress.value}%`;
      }
    };
    request.onload = async () => {
      button.disabled = false;
      if (request.status === 201) {
        progress.value = 100;
        const names = JSON.parse(request.responseText).map(file => file.name).join(', ');
        status.textContent = `Đã tải lên: ${names}`;
        status.classList.add('notice');
        input.value = '';
        item.querySelector('.chosen').textContent = 'Chưa chọn tệp.';
        await refreshAssessment();
      } else {
        progress.hidden = true;
        status.textContent = `Không tải lên được: ${problemMessage(request.status, request.responseText)}`;
        status.classList.add('error');
      }
    };
    request.onerror = () => {
      button.disabled = false;
      progress.hidden = true;
      status.textContent = 'Mất kết nối khi tải lên. Hãy thử lại.';
      status.classList.add('error');
    };
    request.send(body);
  }

  // --- submit ----------------------------------------------------------------------------------------------------

  function showErrors(title, reasons) {
    const heading = document.createElement('p');
    heading.textContent = title;
    const list = document.createElement('ul');
    reasons.forEach(reason => list.append(listItem(reason)));
    submitErrors.replaceChildren(heading, ...(reasons.length ? [list] : []));
  }

  async function submit() {
    submitErrors.replaceChildren();
    const result = form.submit();
    if (Object.keys(result.errors).length) {
      showErrors('Biểu mẫu còn ô chưa hợp lệ: hãy xem các ô được đánh dấu đỏ.', []);
      document.querySelector('#form .fjs-has-errors input, #form .fjs-has-errors textarea')?.focus();
      return;
    }
    submitButton.disabled = true;
    try {
      pending = true;
      await (saving = saving.then(save));
      if (draftRefused) {
        showErrors(`Chưa lưu được biểu mẫu: ${draftRefused}`, []);
        return;
      }
      let variables = result.data;
      if (selfAssessment) {
        if (entriesRefused) {
          showErrors('Chưa nộp được phiếu:', [entryStatus.textContent]);
          return;
        }
        const assessment = await Dti.api('GET', assessmentUrl);
        if (assessment.submissionProblems.length) {
          showErrors('Chưa nộp được phiếu:', assessment.submissionProblems);
          return;
        }
        // The entries are in the assessment already: the process keeps identifiers, not the sheet.
        variables = {};
      }
      await Dti.api('POST', `/api/tasks/${page.key}/complete`, variables);
      window.location.assign(`/tasks?done=${encodeURIComponent(page.elementId)}`);
    } catch (error) {
      showErrors(error.message, []);
    } finally {
      submitButton.disabled = false;
    }
  }

  // --- start -----------------------------------------------------------------------------------------------------

  async function start() {
    let data = { ...page.variables };
    if (selfAssessment) {
      const assessment = await Dti.api('GET', assessmentUrl);
      data = fromAssessment(data, assessment);
      showFiles(assessment);
      document.querySelectorAll('.evidence-item').forEach(item => {
        const input = item.querySelector('input[type=file]');
        input.addEventListener('change', () => {
          const names = Array.from(input.files).map(file => file.name);
          item.querySelector('.chosen').textContent = names.length ? `Đã chọn: ${names.join(', ')}` : 'Chưa chọn tệp.';
        });
        item.querySelector('.upload-button').addEventListener('click', () => upload(item));
      });
    }
    if (page.draft) {
      data = overlay(data, page.draft.data);
      if (selfAssessment) {
        draftVersions(data, page.draft.data);
      }
      draftStatus.textContent = `Đã lưu nháp lúc ${page.draft.savedAtText}`;
    }
    form = await DtiForms.render(document.getElementById('form'), pageSchema(page.schema || { components: [] }), data);
    document.getElementById('form-loading').remove();
    latest = data;
    // form-js also reports the values it fills in itself (empty fields, unticked boxes): those change nothing.
    let shown = stable(draftData(data));
    form.on('changed', event => {
      latest = event.data;
      const now = stable(draftData(latest));
      if (now !== shown) {
        shown = now;
        schedule();
      }
    });
    submitButton.addEventListener('click', submit);
    if (selfAssessment) {
      await refreshChecks();
      // A draft that holds entries the assessment does not (refused last time, or typed offline) is written now.
      saving = saving.then(() => saveEntries(latest));
    }
  }

  start().catch(error => {
    document.getElementById('form-loading').textContent = `Không mở được biểu mẫu: ${error.message}`;
    document.getElementById('form-loading').className = 'error';
  });
})();
