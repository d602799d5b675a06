/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === "") {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error(`Expected a closing quote after offset ${i}, got end of text`);
        field += text.slice(i, end);
        i = end + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`Expected , or CRLF after a quoted field at ${i}, got ${text[i]}`);
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`Expected LF after CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (ch === "\n") {
      throw new Error(`Expected CRLF line ends, got a bare LF at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("Expected the last record to end with CRLF");
  return records;
}
