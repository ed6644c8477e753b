// Bad-input corpus, part 4: CSV, each refusal naming the line and column.
import { describe } from 'vitest';
import { MAX_POINTS } from '../../contract/view';
import { expectAllRefused, type BadInput } from './corpus';

const rows = (n: number) => 'x,y\n' + '0.5,-0.5\n'.repeat(n);

const CASES: BadInput[] = [
  // CSV
  ['blank y cell', 'a.csv', 'x,y\n1,\n2,3', 'line 2, y: blank cell'],
  ['blank x cell', 'a.csv', ',2', 'line 1, x: blank cell'],
  ['quoted blank cell', 'a.csv', '"",2', 'line 1, x: blank cell'],
  [
    'comma decimals with ; separators',
    'a.csv',
    '1,5;2,3',
    'line 1: uses ";" between values and "," as the decimal point',
  ],
  [
    'quoted comma decimals',
    'a.csv',
    '"1,5","2,3"',
    'line 1, x: "1,5" uses a comma as the decimal point',
  ],
  ['; separators', 'a.csv', 'x;y\n1.5;2.5', 'line 1: uses ";" as a separator; use ","'],
  ['; separators after a BOM', 'a.csv', '\uFEFF1.5;2.5', 'uses ";" as a separator'],
  ['tab separators', 'a.csv', '1\t2', 'line 1: uses tabs as separators'],
  ['header only', 'a.csv', 'x,y\n', 'the file has a header but no data rows'],
  [
    'header only, CRLF and blank lines',
    'a.csv',
    'x,y,label\r\n\r\n',
    'the file has a header but no data rows',
  ],
  [
    'wrong header names',
    'a.csv',
    'a,b\n1,2',
    'line 1: the header must be "x,y", "x,y,label" or "x,y,label,role"; found "a,b"',
  ],
  ['swapped header', 'a.csv', 'y,x\n1,2', 'the header must be "x,y", "x,y,label" or'],
  ['header with extra column', 'a.csv', 'x,y,label,weight\n1,2,3,4', 'the header must be'],
  [
    'coordinate 1e308',
    'a.csv',
    'x,y\n0,0\n1e308,0',
    'line 3, x: 1e308 is outside the allowed range [-4, 4]',
  ],
  ['coordinate 1e400', 'a.csv', '0,1e400', 'line 1, y: 1e400 is outside the allowed range [-4, 4]'],
  ['coordinate -5', 'a.csv', '-5,0', 'line 1, x: -5 is outside the allowed range [-4, 4]'],
  [
    'coordinate just past the edge',
    'a.csv',
    '4.0001,0',
    'line 1, x: 4.0001 is outside the allowed range',
  ],
  ['text as a coordinate', 'a.csv', '1,abc', 'line 1, y: "abc" is not a number'],
  ['NaN in CSV', 'a.csv', 'NaN,1', 'line 1, x: "NaN" is not a number'],
  ['Infinity in CSV', 'a.csv', '0,Infinity', 'line 1, y: "Infinity" is not a number'],
  ['hex in CSV', 'a.csv', '0x1,2', 'line 1, x: "0x1" is not a number'],
  ['two dots', 'a.csv', '1.2.3,0', 'line 1, x: "1.2.3" is not a number'],
  ['space inside a number', 'a.csv', '1 2,0', 'line 1, x: "1 2" is not a number'],
  ['sign alone', 'a.csv', '+,0', 'line 1, x: "+" is not a number'],
  ['label 10', 'a.csv', '0,0,10', 'line 1, label: "10" must be a whole number from 0 to 9'],
  ['label -1', 'a.csv', '0,0,-1', 'line 1, label: "-1" must be a whole number from 0 to 9'],
  ['label 1.5', 'a.csv', '0,0,1.5', 'line 1, label: "1.5" must be a whole number'],
  ['four values, bad role', 'a.csv', '1,2,3,4', 'line 1, role: "4" must be "data" or "outlier"'],
  [
    'five values',
    'a.csv',
    '1,2,3,data,5',
    'line 1: expected 2 to 4 values (x,y[,label[,role]]), found 5',
  ],
  ['one value', 'a.csv', '1\n2', 'line 1: expected 2 to 4 values'],
  [
    'role header, bad role',
    'a.csv',
    'x,y,label,role\n1,2,0,inlier',
    'line 2, role: "inlier" must be',
  ],
  ['inconsistent columns', 'a.csv', '1,2\n1,2,3', 'line 2: expected 2 values (x,y), found 3'],
  [
    'decimal commas without ;',
    'a.csv',
    'x,y\n1,5,2,5',
    'line 2: expected 2 values (x,y), found 4 (decimal commas?',
  ],
  [
    'fewer values than the header',
    'a.csv',
    'x,y,label\n1,2',
    'line 2: expected 3 values (x,y,label), found 2',
  ],
  ['unclosed quote', 'a.csv', '"1,2', 'line 1: a quote (") is not closed'],
  [
    'error line counted across CRLF and blank lines',
    'a.csv',
    'x,y\r\n1,1\r\n\r\n2,2\r\nbad,3\r\n',
    'line 5, x: "bad" is not a number',
  ],
  [
    'error line counted across CR endings',
    'a.csv',
    '1,1\r2,2\r3,z',
    'line 3, y: "z" is not a number',
  ],
  [
    'too many rows (CSV)',
    'a.csv',
    rows(MAX_POINTS + 1),
    `the file has ${MAX_POINTS + 1} points; the limit is ${MAX_POINTS}`,
  ],
  ['no extension, CSV content', 'data', '1;2', 'uses ";" as a separator'],
  ['.txt with broken JSON', 'a.txt', '{"points":', 'the file ends too early'],
];

describe('bad CSV', () => {
  expectAllRefused(CASES);
});
