// Language and branding shared by the configurations of duban's four webapps (scripts/config.js of each).
// The webapps pick their locale from the browser's first language reduced to its primary subtag (zh-CN -> zh) and
// fall back to fallbackLocale; this mirrors that choice so the page language and the names agree with the labels.
const preferred = ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0];
export const english = preferred.toLowerCase() === 'en';

// Set before the app renders anything: Chromium picks the CJK font (Simplified Chinese, not Japanese) by lang.
document.documentElement.lang = english ? 'en' : 'zh-CN';

// Chinese unless the browser asks for English. The fallback's file is loaded too and its dateLocales become moment's
// global locale, so an English browser falls back to English: else its dates would read "3 天后".
export const locales = {availableLocales: ['zh', 'en'], fallbackLocale: english ? 'en' : 'zh'};

/** The header and the page title read "vendor name": 督办系统 · 任务中心. */
export function app(chineseName, englishName) {
  return english ? {vendor: 'Duban ·', name: englishName} : {vendor: '督办系统 ·', name: chineseName};
}

// The tokens resolve through each app's locales/zh.json dateLocales (LLL = 2026年12月1日 09:30).
export const dateFormat = {normal: 'LLL', long: 'LLLL', short: 'LL', abbr: 'lll'};

/** For the few texts a config.js holds itself (Tasklist's shortcut descriptions). */
export function text(chinese, englishText) {
  return english ? englishText : chinese;
}
