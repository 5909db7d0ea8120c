// duban's 导入任务分工表 page in Cockpit (#/duban-import): upload a Word, Excel or text table, preview it with its
// problems marked, fix column roles, map or create unknown units, import, and open the new plan's overview.
// Calls duban's /api with the Cockpit login session and the webapps' CSRF token (X-XSRF-TOKEN).
const ROOT = new URL('../../../../../', import.meta.url); // the application's root, above /camunda/app/cockpit/
const ROUTE = '/duban-import';
const ROLES = [
  ['number', '序号'], ['item', '主要内容（事项）'], ['measure', '具体措施'], ['time', '时间要求'],
  ['lead', '牵头单位'], ['supporting', '配合单位'], ['ignore', '不导入'],
];
const FIELDS = { 序号: 'number', 主要内容: 'item', 具体措施: 'measure', 时间要求: 'time', 牵头单位: 'lead', 配合单位: 'supporting' };
const KINDS = [
  ['MUNICIPAL_DEPARTMENT', '市直部门'], ['DISTRICT_GOVERNMENT', '区县政府'], ['FUNCTIONAL_ZONE', '功能区管委会'],
  ['CENTRAL_OR_PROVINCIAL_AGENCY', '中央和省属驻济单位'], ['STATE_OWNED_ENTERPRISE', '国有企业'],
];
const STYLE = `
.duban-import { font-size: 14px; color: #333; height: calc(100vh - 120px); overflow-y: auto; padding: 8px 16px 24px; }
.duban-import h3 { margin: 6px 0 10px; font-size: 18px; }
.duban-import h4 { margin: 18px 0 8px; font-size: 15px; border-left: 4px solid #1677ff; padding-left: 8px; }
.duban-import .toolbar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
.duban-import table { border-collapse: collapse; background: #fff; }
.duban-import th, .duban-import td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
.duban-import th { background: #f0f5ff; white-space: nowrap; }
.duban-import tr.error td { background: #fff1f0; }
.duban-import tr.warning td { background: #fffbe6; }
.duban-import td.bad { outline: 2px solid #ff4d4f; outline-offset: -2px; }
.duban-import .unknown { color: #cf1322; font-weight: bold; }
.duban-import .problems li.error { color: #cf1322; }
.duban-import .problems li.warning { color: #ad6800; }
.duban-import .message { padding: 8px 12px; margin: 8px 0; border-radius: 4px; }
.duban-import .message.error { background: #fff1f0; border: 1px solid #ffa39e; }
.duban-import .message.ok { background: #f6ffed; border: 1px solid #b7eb8f; }
.duban-import .units li { margin-bottom: 8px; }
.duban-import .create { display: none; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.duban-import .create.open { display: flex; }
.duban-import .muted { color: #888; }
`;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  }
  return node;
}

function csrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function call(method, path, body, json) {
  const headers = { 'X-XSRF-TOKEN': csrfToken() };
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(new URL('api/' + path, ROOT),
    { method, body, headers, credentials: 'same-origin' });
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, body: answer };
}

function page(node) {
  if (!document.getElementById('duban-import-style')) document.head.append(el('style', { id: 'duban-import-style' }, STYLE));
  node.classList.add('duban-import');
  const state = { file: null, columns: {}, preview: null, units: [] };

  const fileInput = el('input', { type: 'file', accept: '.docx,.xlsx,.txt', 'data-duban': 'file' });
  const year = el('input', { type: 'number', min: 2000, max: 2100, placeholder: '如 2024', style: 'width:90px', 'data-duban': 'year' });
  const defaultTime = el('input', { type: 'text', placeholder: '如 长期', style: 'width:120px', 'data-duban': 'default-time' });
  const sheet = el('input', { type: 'text', placeholder: '默认为含表头的第一个', style: 'width:160px', 'data-duban': 'sheet' });
  const message = el('div', { 'data-duban': 'message' });
  const result = el('div', { 'data-duban': 'result' });
  const body = el('div', { 'data-duban': 'preview' });
  const code = el('input', { type: 'text', placeholder: '字母或数字，如 QD2024', style: 'width:180px', 'data-duban': 'code' });
  const importButton = el('button', { class: 'btn btn-primary', disabled: true, 'data-duban': 'import', onclick: () => doImport() }, '导入');

  function show(text, kind) {
    message.replaceChildren(text ? el('div', { class: 'message ' + kind }, text) : '');
  }

  function form() {
    const data = new FormData();
    data.append('file', state.file, state.file.name);
    if (Object.keys(state.columns).length) data.append('columns', JSON.stringify(state.columns));
    if (year.value) data.append('year', year.value);
    if (defaultTime.value.trim()) data.append('defaultTime', defaultTime.value.trim());
    if (sheet.value.trim()) data.append('sheet', sheet.value.trim());
    return data;
  }

  async function preview() {
    if (!state.file) { show('请先选择要导入的文件（.docx、.xlsx 或文本）', 'error'); return; }
    show('正在读取……', 'ok');
    const answer = await call('POST', 'plans/preview', form());
    if (!answer.ok) {
      state.preview = null;
      body.replaceChildren();
      importButton.disabled = true;
      show(answer.body.message || ('读取失败（' + answer.status + '）'), 'error');
      return;
    }
    state.preview = answer.body;
    const units = await call('GET', 'units');
    state.units = units.ok ? units.body : [];
    show('', '');
    draw();
  }

  function draw() {
    const p = state.preview;
    const errors = p.problems.filter((x) => x.severity === 'error');
    const warnings = p.problems.filter((x) => x.severity !== 'error');
    importButton.disabled = !p.importable;
    body.replaceChildren(
      el('div', { class: 'toolbar' }, el('b', { 'data-duban': 'title' }, p.title || '（无标题）'),
        el('span', { class: 'muted' }, '格式：' + p.format + (p.year ? '　计划年度：' + p.year : '') + '　共 ' + p.tasks.length + ' 项任务'),
        el('span', { 'data-duban': 'summary', class: errors.length ? 'unknown' : '' },
          errors.length ? errors.length + ' 处错误须修正后才能导入' : '可以导入')),
      columnsTable(p),
      problemList(errors, warnings),
      unknownUnits(p),
      tasksTable(p));
  }

  function columnsTable(p) {
    return el('div', {}, el('h4', {}, '列的角色（识别有误时可改）'),
      el('table', { 'data-duban': 'columns' },
        el('tr', {}, Object.keys(p.columns).map((header) => el('th', {}, header))),
        el('tr', {}, Object.entries(p.columns).map(([header, role]) => el('td', {},
          el('select', { 'data-column': header, onchange: (e) => { state.columns[header] = e.target.value; preview(); } },
            ROLES.map(([key, label]) => el('option', { value: key, selected: key === role }, label))))))));
  }

  function problemList(errors, warnings) {
    if (!errors.length && !warnings.length) return el('div');
    const item = (x) => el('li', { class: x.severity, 'data-row': x.row == null ? '' : x.row },
      (x.row == null ? '全文' : '第' + x.row + '行' + (x.number == null ? '' : '（序号 ' + x.number + '）')) + '【' + x.field + '】'
        + (x.severity === 'error' ? '' : '提醒：') + x.message);
    return el('div', {}, el('h4', {}, '问题（' + errors.length + ' 处错误，' + warnings.length + ' 处提醒）'),
      el('ul', { class: 'problems', 'data-duban': 'problems' }, errors.map(item), warnings.map(item)));
  }

  function unknownUnits(p) {
    if (!p.unknownUnits.length) return el('div');
    const byCode = Object.fromEntries(state.units.map((u) => [u.code, u]));
    return el('div', {}, el('h4', {}, '目录中没有的单位（' + p.unknownUnits.length + ' 个）：设为已有单位的别名，或新建单位'),
      el('ul', { class: 'units', 'data-duban': 'unknown' }, p.unknownUnits.map((u) => {
        const choice = el('select', { 'data-alias-for': u.name },
          el('option', { value: '' }, '选择已有单位……'),
          u.suggestions.map((c) => el('option', { value: c }, '建议：' + (byCode[c] ? byCode[c].name : c) + '（' + c + '）')),
          state.units.filter((x) => !u.suggestions.includes(x.code))
            .map((x) => el('option', { value: x.code }, x.name + '（' + x.code + '）')));
        const newCode = el('input', { type: 'text', placeholder: '单位代码（小写字母和数字）', 'data-new-code': u.name });
        const newName = el('input', { type: 'text', value: u.name, style: 'width:220px', 'data-new-name': u.name });
        const kind = el('select', { 'data-new-kind': u.name }, KINDS.map(([k, label]) => el('option', { value: k }, label)));
        const email = el('input', { type: 'email', placeholder: '联系邮箱', 'data-new-email': u.name });
        const create = el('div', { class: 'create' }, newCode, newName, kind, email,
          el('button', { class: 'btn btn-default', 'data-create': u.name, onclick: () => createUnit(u.name, newCode, newName, kind, email) }, '保存新单位'));
        return el('li', { 'data-name': u.name }, el('span', { class: 'unknown' }, u.name), '　', choice, ' ',
          el('button', { class: 'btn btn-default', 'data-map': u.name, onclick: () => mapUnit(u.name, choice.value) }, '设为别名'), ' ',
          el('button', { class: 'btn btn-link', 'data-open-create': u.name, onclick: () => create.classList.toggle('open') }, '新建单位'),
          create);
      })));
  }

  async function mapUnit(name, unitCode) {
    if (!unitCode) { show('请为「' + name + '」选择一个已有单位', 'error'); return; }
    const answer = await call('PUT', 'units/' + encodeURIComponent(unitCode) + '/aliases', JSON.stringify({ aliases: [name] }), true);
    if (!answer.ok) { show(answer.body.message || ('保存失败（' + answer.status + '）'), 'error'); return; }
    await preview();
    show('已将「' + name + '」设为「' + answer.body.name + '」的别名', 'ok');
  }

  async function createUnit(name, newCode, newName, kind, email) {
    const unit = { code: newCode.value.trim(), name: newName.value.trim(), aliases: newName.value.trim() === name ? [] : [name],
      kind: kind.value, email: email.value.trim() };
    const answer = await call('POST', 'units', JSON.stringify(unit), true);
    if (!answer.ok) { show(answer.body.message || ('保存失败（' + answer.status + '）'), 'error'); return; }
    await preview();
    show('已新建单位「' + answer.body.name + '」（' + answer.body.code + '）', 'ok');
  }

  function tasksTable(p) {
    const byRow = {};
    p.problems.forEach((x) => { (byRow[x.number != null ? 'n' + x.number : 'r' + x.row] ||= []).push(x); });
    const names = (refs) => refs.map((r) => r.code ? el('span', {}, r.name) : el('span', { class: 'unknown', title: '目录中没有此单位' }, r.name))
      .flatMap((n, i) => (i ? ['、', n] : [n]));
    return el('div', {}, el('h4', {}, '任务预览'),
      el('table', { 'data-duban': 'tasks' },
        el('tr', {}, ['行', '序号', '章节', '主要内容', '具体措施', '时间要求', '截止日期', '牵头单位', '配合单位', '量化目标'].map((h) => el('th', {}, h))),
        p.tasks.map((t) => {
          const own = [...(byRow['n' + t.number] || []), ...(t.number == null ? byRow['r' + t.row] || [] : [])];
          const bad = new Set(own.filter((x) => x.severity === 'error').map((x) => FIELDS[x.field]));
          const cls = own.some((x) => x.severity === 'error') ? 'error' : own.length ? 'warning' : '';
          const td = (field, ...content) => el('td', { 'data-field': field, class: bad.has(field) ? 'bad' : '' }, ...content);
          const when = t.deadline ? t.deadline : (t.cycle ? '周期：' + t.cycle : (t.longTerm ? '长期' : ''));
          return el('tr', { class: cls, 'data-row': t.row, 'data-number': t.number == null ? '' : t.number },
            el('td', {}, t.row), td('number', t.number), el('td', {}, t.section), td('item', t.item), td('measure', t.measure),
            td('time', t.timeRequirement), el('td', {}, when + (t.milestones.length ? '（阶段：' + t.milestones.join('、') + '）' : '')),
            td('lead', names(t.leadUnits)), td('supporting', names(t.supportingUnits)),
            el('td', { 'data-field': 'targets' }, (t.targets || []).map(targetLabel).join('；')));
        })));
  }

  /** A target as the report form shows it: 超过 400 家（2025-12-31 前）. */
  function targetLabel(x) {
    const n = x.value + (x.comparator === 'range' && x.upper != null ? '–' + x.upper : '');
    const phrase = { '>': '超过 ' + n + ' ' + x.unit, '≥': '不少于 ' + n + ' ' + x.unit, '≈': n + ' ' + x.unit + '左右',
      '≤': '不超过 ' + n + ' ' + x.unit }[x.comparator] || n + ' ' + x.unit;
    return (x.perYear ? '每年' : '') + phrase + (x.dueBy ? '（' + x.dueBy + ' 前）' : '');
  }

  async function doImport() {
    const planCode = code.value.trim();
    if (!planCode) { show('请填写计划编号', 'error'); return; }
    const answer = await call('POST', 'plans?code=' + encodeURIComponent(planCode), form());
    if (answer.status === 201) {
      show('', '');
      result.replaceChildren(el('div', { class: 'message ok' }, '已导入「' + answer.body.title + '」：' + answer.body.tasks
        + ' 项任务，启动 ' + answer.body.started + ' 个督办流程。',
        el('a', { href: '#/duban-overview?plan=' + encodeURIComponent(planCode), 'data-duban': 'overview-link' }, '查看督办总览'),
        '　', el('a', { href: new URL('api/plans/' + encodeURIComponent(planCode) + '/overview', ROOT).href, target: '_blank' }, '总览数据（API）')));
      return;
    }
    if (answer.status === 422 && state.preview) {
      state.preview = { ...state.preview, problems: answer.body.problems, unknownUnits: answer.body.unknownUnits, importable: false };
      draw();
    }
    show(answer.body.message || ('导入失败（' + answer.status + '）'), 'error');
  }

  fileInput.addEventListener('change', () => { state.file = fileInput.files[0] || null; state.columns = {}; result.replaceChildren(); preview(); });
  node.replaceChildren(el('h3', {}, '导入任务分工表'),
    el('p', { class: 'muted' }, '支持 Word（.docx）表格、Excel（.xlsx）工作表和文本格式。旧版 .doc/.xls 请先另存为 .docx/.xlsx。'),
    el('div', { class: 'toolbar' }, el('label', {}, '文件 ', fileInput),
      el('label', {}, '计划年度 ', year), el('label', {}, '默认时间要求 ', defaultTime), el('label', {}, '工作表 ', sheet),
      el('button', { class: 'btn btn-default', 'data-duban': 'reload', onclick: () => preview() }, '重新预览')),
    message, body,
    el('h4', {}, '导入'),
    el('div', { class: 'toolbar' }, el('label', {}, '计划编号 ', code), importButton),
    result);
}

export default [
  {
    id: 'duban-import-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '导入任务分工表' },
    render: (node) => { page(node); },
  },
  {
    id: 'duban-import-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: { pagePath: '#' + ROUTE, label: '导入分工表', checkActive: (path) => path.includes(ROUTE) },
    render: (node) => { node.textContent = '导入分工表'; },
  },
];
