import jsep, { type Expression } from 'jsep';
import { numericValue } from '../style/classify';
import { hasField, readField } from '../model/field-value';

/** A computed value: a number, text or yes/no; null when an input is missing or the sum has no answer (÷ 0). */
type ExpressionValue = number | string | boolean | null;

export type ExpressionProblem =
  | { reason: 'syntax'; detail: string }
  | { reason: 'unknownField'; detail: string }
  | { reason: 'unknownFunction'; detail: string }
  | { reason: 'unsupported'; detail: string };

type Evaluate = (properties: Record<string, unknown>) => ExpressionValue;

const asNumber = (value: ExpressionValue): number | null => (typeof value === 'boolean' ? null : numericValue(value));
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The functions an expression may call, with what they do to their arguments. */
const FUNCTIONS: Record<string, (args: ExpressionValue[]) => ExpressionValue> = {
  round: ([value, digits]) => {
    const number = asNumber(value ?? null);
    const places = asNumber(digits ?? 0) ?? 0;
    return number === null ? null : Math.round(number * 10 ** places) / 10 ** places;
  },
  abs: ([value]) => numeric1(value, Math.abs),
  floor: ([value]) => numeric1(value, Math.floor),
  ceil: ([value]) => numeric1(value, Math.ceil),
  sqrt: ([value]) => numeric1(value, Math.sqrt),
  min: (args) => numericAll(args, (numbers) => Math.min(...numbers)),
  max: (args) => numericAll(args, (numbers) => Math.max(...numbers)),
  upper: ([value]) => (value === null || value === undefined ? null : String(value).toUpperCase()),
  lower: ([value]) => (value === null || value === undefined ? null : String(value).toLowerCase()),
  concat: (args) => args.map((value) => (value === null ? '' : String(value))).join(''),
  coalesce: (args) => args.find((value) => value !== null && value !== '') ?? null,
};

function numeric1(value: ExpressionValue | undefined, apply: (value: number) => number) {
  const number = asNumber(value ?? null);
  return number === null ? null : finite(apply(number));
}

function numericAll(values: ExpressionValue[], apply: (values: number[]) => number) {
  const numbers = values.map(asNumber);
  return numbers.some((number) => number === null) || numbers.length === 0 ? null : finite(apply(numbers as number[]));
}

// QGIS writes equality as `=`, inequality as `<>` and the logical operators as words.
jsep.addBinaryOp('=', 6);
jsep.addBinaryOp('<>', 6);
for (const word of ['AND', 'and']) jsep.addBinaryOp(word, 2);
for (const word of ['OR', 'or']) jsep.addBinaryOp(word, 1);
const QGIS_OPERATORS: Readonly<Record<string, string>> = {
  '=': '==',
  '<>': '!=',
  AND: '&&',
  and: '&&',
  OR: '||',
  or: '||',
};

const BINARY_OPERATORS = new Set(['==', '===', '!=', '!==', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '<=', '>=']);

function binary(operator: string, left: ExpressionValue, right: ExpressionValue): ExpressionValue {
  if (operator === '==' || operator === '===') return left === right || String(left) === String(right);
  if (operator === '!=' || operator === '!==') return !(left === right || String(left) === String(right));
  if (operator === '&&') return Boolean(left) && Boolean(right);
  if (operator === '||') return Boolean(left) || Boolean(right);
  const a = asNumber(left);
  const b = asNumber(right);
  // Text joined with +, like QGIS does when either side is not a number.
  if (operator === '+' && (a === null || b === null)) {
    if (left === null || right === null) return null;
    return `${String(left)}${String(right)}`;
  }
  if (a === null || b === null) return null;
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? null : a / b;
    case '%':
      return b === 0 ? null : a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

function fieldReader(name: string, fields: ReadonlySet<string>, used: Set<string>): Evaluate {
  if (!fields.has(name)) throw new ExpressionError({ reason: 'unknownField', detail: name });
  used.add(name);
  return (properties) => {
    const value = readField(properties, name);
    return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null;
  };
}

class ExpressionError extends Error {
  constructor(readonly problem: ExpressionProblem) {
    super(`${problem.reason}: ${problem.detail}`);
  }
}

function compileNode(node: Expression, fields: ReadonlySet<string>, used: Set<string>): Evaluate {
  switch (node.type) {
    case 'Literal': {
      const value = node.value as ExpressionValue;
      // QGIS quotes field names in double quotes ("lebar") and text in single quotes ('baik').
      if (typeof value === 'string' && String(node.raw).startsWith('"')) return fieldReader(value, fields, used);
      return () => value;
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'null' || name === 'NULL') return () => null;
      return fieldReader(name, fields, used);
    }
    case 'UnaryExpression': {
      const argument = compileNode(node.argument as Expression, fields, used);
      const operator = node.operator as string;
      if (operator === '!') return (properties) => !argument(properties);
      if (operator !== '-' && operator !== '+') throw new ExpressionError({ reason: 'unsupported', detail: operator });
      return (properties) => {
        const number = asNumber(argument(properties));
        return number === null ? null : operator === '-' ? -number : number;
      };
    }
    case 'BinaryExpression': {
      const left = compileNode(node.left as Expression, fields, used);
      const right = compileNode(node.right as Expression, fields, used);
      const written = node.operator as string;
      const operator = hasField(QGIS_OPERATORS, written) ? QGIS_OPERATORS[written]! : written;
      if (!BINARY_OPERATORS.has(operator)) throw new ExpressionError({ reason: 'unsupported', detail: operator });
      return (properties) => binary(operator, left(properties), right(properties));
    }
    case 'ConditionalExpression': {
      const test = compileNode(node.test as Expression, fields, used);
      const consequent = compileNode(node.consequent as Expression, fields, used);
      const alternate = compileNode(node.alternate as Expression, fields, used);
      return (properties) => (test(properties) ? consequent(properties) : alternate(properties));
    }
    case 'CallExpression': {
      const callee = node.callee as Expression;
      const name = callee.type === 'Identifier' ? (callee.name as string).toLowerCase() : '';
      const apply = hasField(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!apply)
        throw new ExpressionError({
          reason: 'unknownFunction',
          detail: callee.type === 'Identifier' ? String(callee.name) : '?',
        });
      const args = (node.arguments as Expression[]).map((argument) => compileNode(argument, fields, used));
      return (properties) => apply(args.map((argument) => argument(properties)));
    }
    default:
      throw new ExpressionError({ reason: 'unsupported', detail: node.type });
  }
}

export type CompiledExpression =
  { ok: true; evaluate: Evaluate; fields: string[] } | { ok: false; problem: ExpressionProblem };

/**
 * A field calculation like `panjang_km * 1000` or `round(lebar / 2, 1)`: fields by name, numbers with a decimal
 * point (the comma separates a function's arguments, as in QGIS), + − × ÷ %, comparisons, `a ? b : c`, and a few
 * functions. Parsed by jsep and evaluated here over its tree: no code is ever run (the app's CSP allows no eval).
 */
export function compileExpression(text: string, fieldNames: Iterable<string>): CompiledExpression {
  let tree: Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    return { ok: false, problem: { reason: 'syntax', detail: (error as Error).message } };
  }
  if (!tree || (tree.type as string) === 'Compound')
    return { ok: false, problem: { reason: 'syntax', detail: text.trim() === '' ? '—' : text } };
  try {
    const used = new Set<string>();
    const evaluate = compileNode(tree, new Set(fieldNames), used);
    return { ok: true, evaluate, fields: [...used] };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, problem: error.problem };
    throw error;
  }
}
