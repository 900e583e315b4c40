/**
 * Writing CSV cells safely: RFC 4180 quoting, CRLF, formula neutralisation (OWASP "CSV injection").
 * One implementation for every export: the report's (src/report/csv.ts).
 */
export { BOM, csvCell, csvLine, neutralise, toCsv } from '../report/csv.ts';
