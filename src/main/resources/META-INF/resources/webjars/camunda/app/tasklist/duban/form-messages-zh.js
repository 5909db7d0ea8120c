// Camunda Forms (form-js 1.8.7, bundled in Tasklist) hard-codes its validation messages in English. This script
// rewrites them in Chinese, naming the field by its label, in the words the server's check uses
// (duban.form.SubmissionValidator): 「联系电话」为必填项, 「工作计划」至少 10 个字.
//
// form-js renders each message as the text of <li> in .fjs-form-field-error. Only that text node's data is changed,
// never the node: Preact keeps the node and overwrites its data when the message changes, and then we translate again.
import {english} from '../../duban/webapp.js';

const MESSAGES = [
  [/^Field is required\.$/, (field) => `${field}为必填项`],
  [/^Field must have minimum length of (\d+)\.$/, (field, n) => `${field}至少 ${n} 个字`],
  [/^Field must have maximum length of (\d+)\.$/, (field, n) => `${field}最多 ${n} 个字`],
  [/^Field must have minimum value of (.+)\.$/, (field, n) => `${field}不得小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, (field, n) => `${field}不得大于 ${n}`],
  [/^Field must match pattern .*\.$/, (field) => `${field}的格式不正确`],
  [/^Field must be a valid {1,2}international phone number\./, (field) => `${field}应为有效的国际电话号码，如 +8653166608000`],
  [/^Field must be a valid email\.$/, (field) => `${field}应为有效的电子邮箱地址`],
  [/^Value is not a number\.$/, (field) => `${field}应为数字`],
  [/^Value is expected to be an integer\.$/, (field) => `${field}应为整数`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (field, n) => `${field}最多 ${n} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (field, a, b) => `${field}的值无效，最接近的有效值为 ${a} 和 ${b}`]
];

// Any message form-js adds in a later version still comes out Chinese, if less precise.
const FALLBACK = (field) => `${field}填写不符合要求`;

const PLACEHOLDERS = {Search: '搜索', Select: '请选择'};

const LATIN = /[A-Za-z]{2,}/;

function fieldName(error) {
  const label = error.closest('.fjs-form-field')?.querySelector('.fjs-form-field-label');
  let name = '';
  if (label) {
    const copy = label.cloneNode(true);
    copy.querySelectorAll('.fjs-asterix').forEach((asterisk) => asterisk.remove());
    name = copy.textContent.trim().replace(/[：:]$/, '');
  }
  return name ? `「${name}」` : '此项';
}

export function translateMessage(message, field) {
  for (const [pattern, render] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return render(field, ...match.slice(1));
    }
  }
  return FALLBACK(field);
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const text = item.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && LATIN.test(text.data)) {
      text.data = translateMessage(text.data.trim(), fieldName(item));
    }
  });
}

function translatePlaceholders(root) {
  root.querySelectorAll('.fjs-form input[placeholder]').forEach((input) => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  root.querySelectorAll('.fjs-form .fjs-select-placeholder').forEach((display) => {
    const text = display.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && PLACEHOLDERS[text.data]) {
      text.data = PLACEHOLDERS[text.data];
    }
  });
}

function translate() {
  translateErrors(document);
  translatePlaceholders(document);
}

if (!english) {
  new MutationObserver(translate).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
  });
}
