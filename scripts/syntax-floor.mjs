// Does this JavaScript run on Chromium 86 (360极速 13.5)? Used on every .js of the MV2 build.
//
// Syntax: parsed with acorn at ES2022 (anything newer is a parse error), then the ES2021/2022 syntax that
// Chromium 86 lacks is rejected by walking the tree: class static blocks (Chrome 94), `#x in obj` (91),
// top-level await (89), the RegExp `d` flag (90). Chromium 86 does have optional chaining and `??` (80),
// logical assignment `||=` (85), numeric separators (75), public/private class fields (72/74) and
// private methods (84), so those pass.
// Runtime APIs: calls of built-ins newer than Chromium 86, unless called optionally (`x.at?.(0)`, i.e.
// feature-detected): Array/String .at (92), Object.hasOwn (93), structuredClone (98), findLast (97),
// toSorted/toReversed/toSpliced (110), Object/Map.groupBy (117), Promise.withResolvers (119),
// Array.fromAsync (121), AbortSignal.timeout (103), crypto.randomUUID (92), checkVisibility (105),
// popover methods (114). String.prototype.replaceAll is Chrome 85, so it is allowed.
import { parse } from 'acorn';

const table = (entries) => Object.assign(Object.create(null), entries); // no inherited toString etc.
const NEW_METHODS = table({
  at: 'Array/String.prototype.at (Chrome 92)',
  findLast: 'Array.prototype.findLast (Chrome 97)',
  findLastIndex: 'Array.prototype.findLastIndex (Chrome 97)',
  toSorted: 'Array.prototype.toSorted (Chrome 110)',
  toReversed: 'Array.prototype.toReversed (Chrome 110)',
  toSpliced: 'Array.prototype.toSpliced (Chrome 110)',
  checkVisibility: 'Element.checkVisibility (Chrome 105)',
  showPopover: 'popover API (Chrome 114)',
  hidePopover: 'popover API (Chrome 114)',
  togglePopover: 'popover API (Chrome 114)',
});
const NEW_STATICS = table({
  'Object.hasOwn': 'Chrome 93',
  'Object.groupBy': 'Chrome 117',
  'Map.groupBy': 'Chrome 117',
  'Promise.withResolvers': 'Chrome 119',
  'Array.fromAsync': 'Chrome 121',
  'AbortSignal.timeout': 'Chrome 103',
  'crypto.randomUUID': 'Chrome 92',
});
const NEW_GLOBALS = table({ structuredClone: 'Chrome 98' });

/** Problems that stop `code` from running on Chromium 86: [{ line, column, message }]. */
export function chromium86Problems(code) {
  const parsed = parseEither(code);
  if (parsed.error) {
    const { loc } = parsed.error;
    return [{ line: loc?.line ?? 0, column: loc?.column ?? 0, message: `syntax newer than ES2022: ${parsed.error.message}` }];
  }
  const problems = [];
  const report = (node, message) => problems.push({ line: node.loc.start.line, column: node.loc.start.column, message });
  walk(parsed.ast, null, 0, (node, parent, fnDepth) => {
    switch (node.type) {
      case 'StaticBlock':
        report(node, 'class static block (Chrome 94)');
        break;
      case 'BinaryExpression':
        if (node.operator === 'in' && node.left.type === 'PrivateIdentifier') report(node, '`#field in obj` (Chrome 91)');
        break;
      case 'AwaitExpression':
        if (fnDepth === 0) report(node, 'top-level await (Chrome 89)');
        break;
      case 'ForOfStatement':
        if (node.await && fnDepth === 0) report(node, 'top-level for await (Chrome 89)');
        break;
      case 'Literal':
        if (node.regex?.flags.includes('d')) report(node, 'RegExp d flag (Chrome 90)');
        break;
      case 'CallExpression': {
        if (node.optional) break; // x.at?.(…) is feature-detected
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        if (callee.type === 'Identifier' && NEW_GLOBALS[callee.name]) {
          report(node, `${callee.name}() (${NEW_GLOBALS[callee.name]})`);
        } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
          const name = callee.property.name;
          const owner = callee.object.type === 'Identifier' ? callee.object.name : null;
          const stat = owner && NEW_STATICS[`${owner}.${name}`];
          if (stat) report(node, `${owner}.${name}() (${stat})`);
          else if (NEW_METHODS[name]) report(node, `.${name}() — ${NEW_METHODS[name]}`);
          else if (owner === 'globalThis' && NEW_GLOBALS[name]) report(node, `${name}() (${NEW_GLOBALS[name]})`);
        }
        break;
      }
    }
  });
  return problems;
}

function parseEither(code) {
  const options = { ecmaVersion: 2022, locations: true, allowHashBang: true, allowAwaitOutsideFunction: true };
  try {
    return { ast: parse(code, { ...options, sourceType: 'module' }) };
  } catch (moduleError) {
    try {
      return { ast: parse(code, { ...options, sourceType: 'script' }) };
    } catch {
      return { error: moduleError };
    }
  }
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function walk(node, parent, fnDepth, visit) {
  visit(node, parent, fnDepth);
  const depth = FUNCTIONS.has(node.type) ? fnDepth + 1 : fnDepth;
  for (const key in node) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, node, depth, visit);
    } else if (value && typeof value.type === 'string') {
      walk(value, node, depth, visit);
    }
  }
}
