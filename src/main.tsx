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
  const ui = store.getState().ui;
  store.setState({ catalog, config: state.config, ui: { ...ui, ...state.ui, notices } });

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
