// Boot: render at once from the link's page/lang (the lesson text needs nothing heavy), then load
// the cell/task metadata chunk, read the full link against it, and start the training worker.
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/zoo.css';
import { createAppStore, installStore, urlStateOf } from './store';
import { loadCatalog } from './store/catalog';
import { createUrlWriter, parseQuery } from './store/url';
import { createBridge } from './store/bridge';
import { installBridge } from './store/controls';
import { App } from './components/App';

// First pass only trusts the page-level fields; cell and task ids wait for the registries.
const boot = parseQuery(location.search, { cells: [], tasks: [] });
const store = createAppStore(boot.state);
installStore(store);
document.documentElement.lang = boot.state.ui.lang;

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing from index.html');
createRoot(rootEl).render(<App />);

async function start() {
  const catalog = await loadCatalog();
  const { state, notices } = parseQuery(location.search, catalog);
  // The page may have been used while the catalogue loaded (a click on "Compare", a language
  // switch): keep what the person changed; take from the full parse only what the first pass
  // could not know.
  const ui = store.getState().ui;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const learned: Partial<typeof state.ui> = {};
  for (const k of Object.keys(state.ui) as (keyof typeof state.ui)[]) {
    if (!same(state.ui[k], boot.state.ui[k]) && same(ui[k], boot.state.ui[k])) Object.assign(learned, { [k]: state.ui[k] });
  }
  store.setState({ catalog, config: state.config, ui: { ...ui, ...learned, notices } });

  const writer = createUrlWriter();
  writer.write(urlStateOf(store.getState()));
  writer.flush();
  store.subscribe((s, prev) => {
    if (s.config !== prev.config || s.ui !== prev.ui) writer.write(urlStateOf(s));
  });

  installBridge(createBridge(store));
}

start().catch((err: unknown) => {
  store.getState().setRun({ status: 'error', message: err instanceof Error ? err.message : String(err) });
});
