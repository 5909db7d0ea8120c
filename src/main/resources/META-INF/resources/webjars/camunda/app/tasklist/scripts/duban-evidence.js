// 佐证材料: a tab beside the task form in Tasklist. Units add, rename and remove the files of their report or
// contribution until they submit it; reviewers see every round's files. Talks to duban's /api/…/evidence with the
// webapp session and its CSRF token. User data is only ever set as text, never as HTML.

const STYLE = `
.duban-evidence { padding: 12px 16px; font-size: 14px; }
.duban-evidence .ev-note { color: #666; margin: 4px 0 10px; }
.duban-evidence .ev-message { padding: 8px 12px; margin: 8px 0; border-radius: 3px; }
.duban-evidence .ev-message.error { background: #f2dede; color: #a94442; }
.duban-evidence .ev-message.ok { background: #dff0d8; color: #3c763d; }
.duban-evidence table { width: 100%; border-collapse: collapse; margin-bottom: 12px; }
.duban-evidence th, .duban-evidence td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e5e5e5; }
.duban-evidence th { background: #f7f7f7; font-weight: normal; color: #555; }
.duban-evidence h4 { margin: 14px 0 6px; font-size: 15px; }
.duban-evidence button, .duban-evidence .btn { margin-right: 6px; }
.duban-evidence .ev-actions a, .duban-evidence .ev-actions button { font-size: 13px; }
.duban-evidence .ev-empty { color: #888; padding: 8px 0; }
`;

function root(api) {
  // the webapps live under …/camunda; duban's API beside them at the application's root
  return api.adminApi.replace(/\/[^/]+\/api\/admin$/, '');
}

function csrfToken(api) {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value);
  });
  children.filter(c => c !== null && c !== undefined).forEach(c =>
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return node;
}

async function call(api, method, path, body, headers) {
  const response = await fetch(root(api) + path, {
    method,
    body,
    credentials: 'same-origin',
    headers: Object.assign({'X-XSRF-TOKEN': csrfToken(api), 'Accept': 'application/json'}, headers || {})
  });
  if (!response.ok) {
    let message = '操作失败（HTTP ' + response.status + '）';
    try {
      const error = await response.json();
      if (error && error.message) message = error.message;
    } catch (e) { /* not JSON */ }
    if (response.status === 401) message = '登录已过期，请重新登录后再试';
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

function render(node, {api, taskId}) {
  if (!document.getElementById('duban-evidence-style')) {
    document.head.appendChild(el('style', {id: 'duban-evidence-style'}, STYLE));
  }
  const container = el('div', {class: 'duban-evidence'});
  node.appendChild(container);
  const base = '/api/tasks/' + encodeURIComponent(taskId) + '/evidence';

  function show(message, kind) {
    const box = container.querySelector('.ev-message');
    box.textContent = message || '';
    box.className = 'ev-message ' + (kind || '');
    box.style.display = message ? '' : 'none';
  }

  async function upload(files) {
    let done = 0;
    for (const file of files) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        await call(api, 'POST', base, form);
        done++;
      } catch (e) {
        await refresh();
        show('「' + file.name + '」未上传：' + e.message, 'error');
        return;
      }
    }
    await refresh();
    show('已上传 ' + done + ' 个文件', 'ok');
  }

  async function rename(file) {
    const name = window.prompt('新的文件名', file.name);
    if (name === null || name.trim() === '' || name === file.name) return;
    try {
      await call(api, 'PATCH', '/api/evidence/' + encodeURIComponent(file.id), JSON.stringify({name}),
        {'Content-Type': 'application/json'});
      await refresh();
      show('已重命名', 'ok');
    } catch (e) {
      show(e.message, 'error');
    }
  }

  async function remove(file) {
    if (!window.confirm('确定删除「' + file.name + '」吗？')) return;
    try {
      await call(api, 'DELETE', '/api/evidence/' + encodeURIComponent(file.id));
      await refresh();
      show('已删除「' + file.name + '」', 'ok');
    } catch (e) {
      show(e.message, 'error');
    }
  }

  function fileRow(file) {
    const href = root(api) + '/api/evidence/' + encodeURIComponent(file.id);
    const actions = el('td', {class: 'ev-actions'},
      file.previewable ? el('a', {href: href + '?inline=true', target: '_blank', rel: 'noopener', class: 'ev-preview'}, '预览') : null,
      file.previewable ? ' ' : null,
      el('a', {href, class: 'ev-download', download: file.name}, '下载'));
    if (file.editable) {
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(el('button', {type: 'button', class: 'btn btn-link btn-xs ev-rename', onclick: () => rename(file)}, '重命名'));
      actions.appendChild(el('button', {type: 'button', class: 'btn btn-link btn-xs ev-delete', onclick: () => remove(file)}, '删除'));
    }
    return el('tr', {class: 'ev-file', 'data-id': file.id},
      el('td', {class: 'ev-name'}, file.name),
      el('td', {}, file.typeLabel),
      el('td', {}, file.sizeText),
      el('td', {}, file.unitName),
      el('td', {}, file.uploadedByName),
      el('td', {}, file.uploadedAt),
      actions);
  }

  function draw(listing) {
    container.textContent = '';
    container.appendChild(el('div', {class: 'ev-message', style: 'display:none'}));
    if (listing.canAttach) {
      const input = el('input', {type: 'file', multiple: 'multiple', class: 'ev-input', style: 'display:inline-block',
        accept: '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.ofd',
        onchange: event => { const files = Array.from(event.target.files); event.target.value = ''; upload(files); }});
      container.appendChild(el('div', {class: 'ev-upload'}, el('label', {}, '添加佐证材料：'), input));
    }
    container.appendChild(el('p', {class: 'ev-note'},
      '可上传：' + listing.accepted + '。' + listing.limits + '。' + (listing.attachNote || '')));
    if (!listing.rounds.length) {
      container.appendChild(el('div', {class: 'ev-empty'}, '暂无佐证材料'));
    }
    listing.rounds.forEach(round => {
      container.appendChild(el('h4', {class: 'ev-round'}, round.label + '（' + round.files.length + ' 个文件）'));
      container.appendChild(el('table', {class: 'ev-files'},
        el('thead', {}, el('tr', {}, ...['文件名', '类型', '大小', '单位', '上传人', '上传时间', '操作'].map(h => el('th', {}, h)))),
        el('tbody', {}, ...round.files.map(fileRow))));
    });
    if (listing.canDownloadAll) {
      container.appendChild(el('a', {class: 'btn btn-default ev-archive', href: root(api) + base + '/archive'},
        '打包下载全部佐证材料（ZIP）'));
    }
  }

  async function refresh() {
    try {
      draw(await call(api, 'GET', base));
    } catch (e) {
      container.textContent = '';
      container.appendChild(el('div', {class: 'ev-message error'}, '佐证材料无法加载：' + e.message));
    }
  }

  refresh();
}

export default {
  id: 'duban-evidence',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  render,
  properties: {label: '佐证材料'}
};
