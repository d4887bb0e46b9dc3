const { parse } = require("csv-parse/sync");
try { parse('a,b\n"x,y\nz,w\n', { info: true }); } catch (e) { console.log(e.code, e.message, e.lines, Object.keys(e)); }
try { parse('a,b\nx,y,z\n', { info: true }); } catch (e) { console.log(e.code, e.message, e.lines, Object.keys(e)); }
try { parse('a,b\nx"y,z\n', { info: true }); } catch (e) { console.log(e.code, e.message, e.lines, Object.keys(e)); }
console.log(JSON.stringify(parse('\ufeffa;b\n\nx;"y\nq"\n,\n', { info: true, bom: true, delimiter: ";", relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true})));
