// duban's 督办总览 in Cockpit: a dashboard section and a page of its own (#/duban-overview), fed by duban's
// /api (which answers to the Cockpit login session) and drawn with ECharts served from the application's webjar.
const ROOT = new URL('../../../../../', import.meta.url); // the application's root, above /camunda/app/cockpit/
const ECHARTS = new URL('webjars/echarts/5.3.1/dist/echarts.esm.min.js', ROOT).href;
const ROUTE = '/duban-overview';
const STATUS = [
  ['RED', '红灯', '#ff4d4f'],
  ['YELLOW', '黄灯', '#ffc53d'],
  ['GREEN', '绿灯', '#52c41a'],
  ['DONE', '已办结', '#8c8c8c'],
];
const STYLE = `
.duban { font-size: 14px; color: #333; }
.duban h3 { margin: 6px 0 10px; font-size: 18px; }
.duban h4 { margin: 18px 0 8px; font-size: 15px; border-left: 4px solid #1677ff; padding-left: 8px; }
.duban .row { display: flex; flex-wrap: wrap; gap: 16px; }
.duban .card { background: #fff; border: 1px solid #e5e5e5; border-radius: 4px; padding: 10px 14px; }
.duban .counts { display: flex; gap: 12px; margin: 8px 0; }
.duban .count { min-width: 88px; padding: 6px 10px; border-radius: 4px; color: #fff; text-align: center; }
.duban .count b { display: block; font-size: 22px; }
.duban table { border-collapse: collapse; width: 100%; background: #fff; }
.duban th, .duban td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
.duban th { background: #f0f5ff; white-space: nowrap; }
.duban th.sortable { cursor: pointer; }
.duban tr.task { cursor: pointer; }
.duban tr.task:hover { background: #f5faff; }
.duban .light { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; white-space: nowrap; }
.duban .toolbar { display: flex; gap: 10px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.duban .drill { border: 1px solid #91caff; background: #f7fbff; padding: 10px 14px; margin-top: 10px; }
.duban .drill ol { padding-left: 18px; }
.duban .drill li { margin-bottom: 6px; }
.duban .muted { color: #888; }
.duban .chart { width: 420px; height: 280px; }
.duban.page { height: calc(100vh - 120px); overflow-y: auto; padding: 8px 16px 24px; }
.duban .wide { width: 720px; height: 300px; }
`;

let echartsModule;
function echarts() {
  echartsModule = echartsModule || import(ECHARTS);
  return echartsModule;
}

async function getJson(path) {
  const response = await fetch(new URL('api/' + path, ROOT), { credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || ('请求失败（' + response.status + '）'));
  }
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'onchange') node.addEventListener('change', value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  }
  return node;
}

function light(status) {
  const [, label, colour] = STATUS.find(([code]) => code === status) || [status, status, '#999'];
  return el('span', { class: 'light', style: 'background:' + colour, 'data-status': status }, label);
}

function styles(node) {
  if (!document.getElementById('duban-overview-style')) {
    document.head.append(el('style', { id: 'duban-overview-style' }, STYLE));
  }
  node.classList.add('duban');
}

function counts(overview) {
  return el('div', { class: 'counts' },
    el('div', { class: 'count', style: 'background:#1677ff', 'data-count': 'TOTAL' }, '任务总数', el('b', {}, overview.tasks)),
    STATUS.map(([code, label, colour]) => el('div', { class: 'count', style: 'background:' + colour, 'data-count': code },
      label, el('b', {}, overview.byStatus[code]))));
}

async function statusChart(node, overview) {
  const chart = (await echarts()).init(node);
  chart.setOption({
    title: { text: '红黄绿灯分布', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'],
      data: STATUS.map(([code, label, colour]) => ({ name: label, value: overview.byStatus[code], itemStyle: { color: colour } })),
    }],
  });
}

async function sectionChart(node, overview) {
  const chart = (await echarts()).init(node);
  const names = overview.bySection.map((s) => s.title.split(/[，。,]/)[0]);
  chart.setOption({
    title: { text: '各部分任务办理情况', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 170, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'value', name: '项', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: STATUS.map(([code, label, colour]) => ({
      name: label, type: 'bar', stack: 'all', itemStyle: { color: colour },
      data: overview.bySection.map((s) => s.byStatus[code]),
    })),
  });
}

function rate(value) {
  return value == null ? '—' : (Math.round(value * 1000) / 10) + '%';
}

function unitTable(units) {
  const columns = [
    ['name', '牵头单位', (u) => u.name],
    ['tasks', '牵头任务', (u) => u.tasks],
    ['done', '已办结', (u) => u.done],
    ['doneOnTime', '按期办结', (u) => u.doneOnTime],
    ['overdue', '逾期', (u) => u.overdue],
    ['returns', '退回次数', (u) => u.returns],
    ['onTimeRate', '按期办结率', (u) => rate(u.onTimeRate)],
  ];
  let sortKey = 'overdue';
  let descending = true;
  const table = el('table', { 'data-duban': 'units' });
  const draw = () => {
    const sorted = [...units].sort((a, b) => {
      const x = a[sortKey] == null ? -1 : a[sortKey];
      const y = b[sortKey] == null ? -1 : b[sortKey];
      const order = typeof x === 'string' ? x.localeCompare(y, 'zh') : x - y;
      return descending ? -order : order;
    });
    table.replaceChildren(
      el('thead', {}, el('tr', {}, columns.map(([key, label]) => el('th', {
        class: 'sortable', 'data-sort': key,
        onclick: () => { descending = sortKey === key ? !descending : true; sortKey = key; draw(); },
      }, label + (sortKey === key ? (descending ? ' ▼' : ' ▲') : ''))))),
      el('tbody', {}, sorted.map((u) => el('tr', { 'data-unit': u.code }, columns.map(([, , value]) => el('td', {}, value(u)))))));
  };
  draw();
  return table;
}

/** 结果考评: one role's units in rank order, each with its score and the parts it is made of. */
function rankingTable(units, role) {
  if (!units.length) {
    return el('p', { class: 'muted' }, '无');
  }
  return el('table', { 'data-duban': 'ranking', 'data-role': role },
    el('thead', {}, el('tr', {}, ['名次', '单位', '得分', '得分构成'].map((h) => el('th', {}, h)))),
    el('tbody', {}, units.map((u) => el('tr', { 'data-unit': u.code },
      el('td', {}, u.rank), el('td', {}, u.name), el('td', { 'data-duban': 'score' }, u.score.toFixed(1)),
      el('td', {}, u.parts.map((p) => p.label + ' ' + p.points.toFixed(1) + '/' + p.max).join('；')
        + (u.notes.length ? '（' + u.notes.join('；') + '）' : ''))))));
}

async function ranking(node, plan) {
  try {
    const evaluation = await getJson('plans/' + encodeURIComponent(plan) + '/evaluation');
    const download = new URL('api/plans/' + encodeURIComponent(plan) + '/evaluation.xlsx', ROOT).href;
    node.replaceChildren(
      el('h4', {}, '结果考评排名　', el('small', { class: 'muted' }, evaluation.periodLabel + '　截至 ' + evaluation.asOf),
        '　', el('a', { class: 'btn btn-default btn-xs', href: download, download: '', 'data-duban': 'evaluation-xlsx' },
          '下载考评结果（Excel）')),
      el('div', { class: 'row' },
        el('div', { style: 'flex:1' }, el('h5', {}, '牵头单位'), rankingTable(evaluation.units, 'lead')),
        el('div', { style: 'flex:1' }, el('h5', {}, '配合单位'), rankingTable(evaluation.supportingUnits, 'supporting'))));
  } catch (error) {
    node.replaceChildren(el('p', { class: 'muted' }, '结果考评：' + error.message));
  }
}

function listTable(rows, daysLabel, open) {
  if (!rows.length) {
    return el('p', { class: 'muted' }, '无');
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, ['序号', '任务', '牵头单位', '完成时限', daysLabel].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((t) => el('tr', { class: 'task', 'data-task': t.number, onclick: () => open(t.number) },
      el('td', {}, t.number), el('td', {}, t.title), el('td', {}, t.leadUnits.join('、')), el('td', {}, t.dueDate),
      el('td', {}, t.days + ' 天')))));
}

async function drillDown(target, plan, number) {
  target.replaceChildren(el('p', { class: 'muted' }, '正在读取第 ' + number + ' 项任务的办理过程…'));
  try {
    const t = await getJson('plans/' + encodeURIComponent(plan) + '/tasks/' + number + '/timeline');
    const cockpitLink = t.stage === '已办结' || t.stage === '容错免责'
      ? el('span', { class: 'muted' }, '（流程已结束）')
      : el('a', { href: '#/process-instance/' + t.processInstanceId + '/runtime', 'data-duban': 'instance-link' },
        '在 Cockpit 中查看流程实例');
    target.replaceChildren(el('div', { class: 'drill', 'data-duban': 'timeline', 'data-task': number },
      el('h4', {}, '第 ' + t.number + ' 项　' + t.title),
      el('p', {}, light(t.status), '　办理状态：', t.stage, '　完成时限：', t.dueDate, '　牵头单位：', t.leadUnits.join('、'),
        '　配合单位：', t.supportingUnits.length ? t.supportingUnits.join('、') : '无', '　', cockpitLink),
      el('ol', {}, t.events.map((e) => el('li', { 'data-kind': e.kind },
        el('b', {}, e.at.replace('T', ' ').substring(0, 16)), '　',
        (e.unit ? e.unit + ' · ' : '') + e.actorName, '：', e.what)))));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'muted' }, error.message));
  }
}

function ledgerHref(plan, unit, status) {
  const url = new URL('api/plans/' + encodeURIComponent(plan) + '/ledger.xlsx', ROOT);
  if (unit) url.searchParams.set('unit', unit);
  if (status) url.searchParams.set('status', status);
  return url.href;
}

async function page(node) {
  styles(node);
  node.classList.add('page'); // Cockpit's main container does not scroll: the page scrolls itself
  node.replaceChildren(el('p', { class: 'muted' }, '正在读取督办总览…'));
  let plans;
  try {
    plans = await getJson('plans');
  } catch (error) {
    node.replaceChildren(el('p', {}, error.message));
    return;
  }
  if (!plans.length) {
    node.replaceChildren(el('p', {}, '尚未导入任务分工表。'));
    return;
  }
  const plan = plans[0].code;
  const overview = await getJson('plans/' + encodeURIComponent(plan) + '/overview');
  const drill = el('div', { 'data-duban': 'drill' });
  const open = (number) => drillDown(drill, plan, number);
  const status = el('select', { 'data-duban': 'status-filter' }, el('option', { value: '' }, '全部状态'),
    STATUS.map(([code, label]) => el('option', { value: code }, label)));
  const unit = el('select', { 'data-duban': 'unit-filter' }, el('option', { value: '' }, '全部单位'),
    [...overview.byUnit, ...overview.supportingUnits].filter((u, i, all) => all.findIndex((v) => v.code === u.code) === i)
      .map((u) => el('option', { value: u.code }, u.name)));
  const ledger = el('a', { class: 'btn btn-default', 'data-duban': 'ledger', href: ledgerHref(plan), download: '' },
    '下载督办台账（Excel）');
  const tasks = el('tbody');
  const drawTasks = () => {
    ledger.href = ledgerHref(plan, unit.value, status.value);
    const unitName = unit.value ? unit.selectedOptions[0].textContent : null;
    tasks.replaceChildren(...overview.list
      .filter((t) => !status.value || t.status === status.value)
      .filter((t) => !unitName || t.leadUnits.includes(unitName) || (t.supportingUnits || []).includes(unitName))
      .map((t) => el('tr', { class: 'task', 'data-task': t.number, onclick: () => open(t.number) },
        el('td', {}, t.number), el('td', {}, t.title), el('td', {}, t.leadUnits.join('、')), el('td', {}, t.dueDate),
        el('td', {}, t.stage), el('td', {}, light(t.status)),
        el('td', {}, t.daysOverdue ? '已超期 ' + t.daysOverdue + ' 天' : ''), el('td', {}, t.returns || ''))));
  };
  status.addEventListener('change', drawTasks);
  unit.addEventListener('change', drawTasks);
  const rankingNode = el('div', { 'data-duban': 'evaluation' }, el('p', { class: 'muted' }, '正在计算结果考评…'));
  const pie = el('div', { class: 'chart', 'data-duban': 'status-chart' });
  const bars = el('div', { class: 'wide', 'data-duban': 'section-chart' });
  node.replaceChildren(
    el('h3', {}, '督办总览　', el('small', { class: 'muted' }, overview.planTitle + '　截至 ' + overview.asOf)),
    counts(overview),
    el('div', { class: 'row' }, el('div', { class: 'card' }, pie), el('div', { class: 'card' }, bars)),
    el('h4', {}, '牵头单位办理情况（点击表头排序）'), unitTable(overview.byUnit),
    rankingNode,
    el('div', { class: 'row' },
      el('div', { style: 'flex:1', 'data-duban': 'overdue' }, el('h4', {}, '已逾期（' + overview.overdue.length + ' 项）'),
        listTable(overview.overdue, '逾期天数', open)),
      el('div', { style: 'flex:1', 'data-duban': 'due-soon' }, el('h4', {}, '即将到期（' + overview.dueSoon.length + ' 项）'),
        listTable(overview.dueSoon, '剩余天数', open))),
    el('h4', {}, '全部任务'),
    el('div', { class: 'toolbar' }, '筛选：', unit, status, ledger),
    drill,
    el('table', { 'data-duban': 'tasks' },
      el('thead', {}, el('tr', {}, ['序号', '任务', '牵头单位', '完成时限', '办理状态', '红黄绿灯', '逾期', '退回'].map((h) => el('th', {}, h)))),
      tasks));
  drawTasks();
  await Promise.all([statusChart(pie, overview), sectionChart(bars, overview), ranking(rankingNode, plan)]);
}

async function dashboard(node) {
  styles(node);
  try {
    const plans = await getJson('plans');
    if (!plans.length) {
      node.replaceChildren(el('p', {}, '尚未导入任务分工表。'));
      return;
    }
    const overview = await getJson('plans/' + encodeURIComponent(plans[0].code) + '/overview');
    const pie = el('div', { class: 'chart', 'data-duban': 'dashboard-chart' });
    node.replaceChildren(el('div', { 'data-duban': 'dashboard' },
      el('h3', {}, '督办总览　', el('small', { class: 'muted' }, overview.planTitle + '　截至 ' + overview.asOf)),
      counts(overview),
      el('div', { class: 'row' }, el('div', { class: 'card' }, pie),
        el('div', {}, el('p', {}, '已逾期 ' + overview.overdue.length + ' 项，7 天内到期 ' + overview.dueSoon.length + ' 项。'),
          el('a', { href: '#' + ROUTE, 'data-duban': 'open-overview' }, '进入督办总览（按部分、单位查看，下载台账）→')))));
    await statusChart(pie, overview);
  } catch (error) {
    node.replaceChildren(el('p', { class: 'muted' }, '督办总览：' + error.message));
  }
}

export default [
  {
    id: 'duban.overview.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => { dashboard(node); },
  },
  {
    id: 'duban.overview.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '督办总览' },
    render: (node) => { page(node); },
  },
  {
    id: 'duban.overview.navigation',
    pluginPoint: 'cockpit.navigation',
    properties: { pagePath: '#' + ROUTE, label: '督办总览', checkActive: (path) => path.includes(ROUTE) },
    render: (node) => { node.textContent = '督办总览'; },
  },
];
