// Parse or format a BibTeX file with one of the JavaScript tools evident is
// compared with. The packages come from bench/node_modules (bench/peers.sh
// installs the versions pinned in bench/package.json).
//
//   node peer.mjs citation-js FILE             print how many entries it returned
//   node peer.mjs citation-js-apa FILE         print the APA reference list
//   node peer.mjs citation-js-vancouver FILE   print the Vancouver reference list
//   node peer.mjs retorquere FILE              print how many entries it returned
//   node peer.mjs versions
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function cite(text) {
  const { Cite } = require('@citation-js/core');
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-csl');
  // Say the input is BibTeX rather than let citation-js guess.
  return new Cite(text, { forceType: '@biblatex/text' });
}

async function main(argv) {
  const [what, file] = argv;
  if (what === 'versions') {
    // Read package.json from disk: some packages' export maps hide it.
    const v = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
    console.log(['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-csl', '@retorquere/bibtex-parser']
      .map((name) => `${name} ${v(name)}`).join(', '));
    return 0;
  }
  if (!file) {
    console.error('usage: node peer.mjs citation-js|citation-js-apa|citation-js-vancouver|retorquere FILE | versions');
    return 2;
  }
  const text = readFileSync(file, 'utf8');
  switch (what) {
    case 'citation-js':
      console.log(cite(text).data.length);
      return 0;
    case 'citation-js-apa':
    case 'citation-js-vancouver': {
      const template = what.slice('citation-js-'.length);
      const out = cite(text).format('bibliography', { template, format: 'text', lang: 'en-US' });
      process.stdout.write(out);
      return 0;
    }
    case 'retorquere': {
      const { parse } = await import('@retorquere/bibtex-parser');
      const lib = parse(text);
      console.log(`${lib.entries.length} (${lib.errors.length} errors)`);
      return 0;
    }
  }
  console.error(`peer.mjs: unknown tool ${what}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
