/**
 * Text for finding similar proposals and for showing topics in public. pg_trgm reads a run of
 * Chinese characters as one word, so "3号楼屋顶漏水" and "屋顶漏水严重" share almost no trigrams;
 * written as overlapping character bigrams ("屋顶 顶漏 漏水") they share words, and trigram
 * similarity then measures the shared bigrams. Pure.
 */
const HAN = /\p{Script=Han}/u;
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function searchText(...parts: string[]): string {
  const words: string[] = [];
  for (const part of parts) {
    for (const run of part.toLowerCase().match(WORD) ?? []) {
      if (!HAN.test(run)) {
        words.push(run);
        continue;
      }
      const chars = [...run];
      if (chars.length === 1) words.push(run);
      for (let i = 0; i + 1 < chars.length; i++) words.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return words.join(' ').slice(0, 4000);
}

const MOBILE = /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/**
 * A resident's own words on the public page: phone and identity numbers anyone typed into them
 * are blanked, since a proposal is written for the neighbours, not for the whole internet.
 */
export function redactPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '******************').replace(MOBILE, '***********').replace(LANDLINE, '********');
}
