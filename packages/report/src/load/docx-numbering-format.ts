/**
 * Renders one list counter the way Word draws it for a `w:numFmt`. Formats Chinese reports use (chineseCounting
 * 一、, ideographTraditional 甲, decimalEnclosedCircle ①, full-width digits) are exact; rare scripts fall back to
 * Arabic digits, which the heading rules still read as a number.
 */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];
const LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['', '拾', '佰', '仟'], wan: '万' };
const LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', units: ['', '拾', '佰', '仟'], wan: '萬' };

/**
 * 0 < n < 10000 in the counting style; `dropLeadingOne` turns 一十一 into 十一 as everyday Chinese writes it. A gap
 * inside the number is written 零 (一百零一), while zero on its own is the digit 〇.
 */
function countBelow10000(n: number, digits: string, units: string[], dropLeadingOne: boolean): string {
  const ds = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += dropLeadingOne && !out && d === 1 && unit === units[1] ? unit : digits[d]! + unit;
  });
  return out;
}

function counting(n: number, digits: string, units: string[], wan: string, dropLeadingOne: boolean): string {
  if (n === 0) return digits[0]!;
  if (n < 10000) return countBelow10000(n, digits, units, dropLeadingOne);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  const head = counting(high, digits, units, wan, dropLeadingOne) + wan;
  if (!low) return head;
  return head + (low < 1000 ? '零' : '') + countBelow10000(low, digits, units, false);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一: Word's chineseCounting. */
export function chineseCounting(n: number): string {
  return counting(n, CN_DIGITS, CN_UNITS, '万', true);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word repeats the letter past Z: 27 → AA, 28 → BB. */
function letter(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const one = n % 10;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : one === 1 ? 'st' : one === 2 ? 'nd' : one === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function cycle(n: number, chars: string): string {
  return n >= 1 ? [...chars][(n - 1) % [...chars].length]! : String(n);
}

/** A `custom` format such as "01, 02, 03, ..." pads to the width of its first item. */
function custom(n: number, format: string | undefined): string {
  const first = /^\s*(\d+)/.exec(format ?? '')?.[1];
  return first && first.length > 1 ? String(n).padStart(first.length, '0') : String(n);
}

/** Text of counter `n` in number format `fmt`; `null` for bullets, which carry no number. */
export function formatCounter(n: number, fmt: string, format?: string): string | null {
  switch (fmt) {
    case 'bullet':
      return null;
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n >= 0 ? chineseCounting(n) : String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!) : String(n);
    case 'chineseLegalSimplified':
      return n >= 0 ? counting(n, LEGAL_SIMPLIFIED.digits, LEGAL_SIMPLIFIED.units, LEGAL_SIMPLIFIED.wan, false) : String(n);
    case 'ideographLegalTraditional':
      return n >= 0 ? counting(n, LEGAL_TRADITIONAL.digits, LEGAL_TRADITIONAL.units, LEGAL_TRADITIONAL.wan, false) : String(n);
    case 'ideographTraditional':
      return cycle(n, '甲乙丙丁戊己庚辛壬癸');
    case 'ideographZodiac':
      return cycle(n, '子丑寅卯辰巳午未申酉戌亥');
    case 'custom':
      return custom(n, format);
    default:
      return String(n);
  }
}
