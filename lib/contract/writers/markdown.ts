/**
 * The Markdown writer (table cells and inline code, escaped for GitHub-flavoured Markdown). The
 * implementation lives in the model (`lib/model/markdown-format.ts`) because the capacity plan
 * writes its own report row with it; targets, rules and the app import it from here.
 */
export { markdownCell, markdownCode } from '../../model/markdown-format';
