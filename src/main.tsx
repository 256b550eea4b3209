// Boot: render at once from the link's page/lang (the lesson text needs nothing heavy), then, once
// that first frame is painted, load the cell/task metadata chunk (and with it tfjs-core), read the
// full link against it, and start the training worker.
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/zoo.css';
import { createAppStore, installStore, urlStateOf, type AppStore } from './store';
import { loadCatalog, type Catalog } from './store/catalog';
import { createUrlWriter, parseQuery, sanitizeQuery } from './store/url';
import { announcedConfig, readLink } from './store/page-config';
import { placeKey } from './store/navigation';
import { createBridge } from './store/bridge';
import { installBridge } from './store/controls';
import { App } from './components/App';

// A link pasted from a chat must always start the app. tfjs-core decodes every query pair when it
// loads and throws on a malformed escape: clean the address before anything imports it.
const cleaned = sanitizeQuery(location.search);
if (cleaned.notices.length) history.replaceState(history.state, '', `${location.pathname}${cleaned.search}${location.hash}`);

// First pass only trusts the page-level fields; cell and task ids wait for the registries.
const boot = parseQuery(location.search, { cells: [], tasks: [] });
const store = createAppStore(boot.state, cleaned.notices);
installStore(store);
document.documentElement.lang = boot.state.ui.lang;

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing from index.html');
createRoot(rootEl).render(<App />);

/** Address bar ⇄ store: navigations push entries, other changes replace; Back/Forward restore. */
function syncHistory(store: AppStore, catalog: Catalog) {
  const writer = createUrlWriter();
  let restoring = false;
  store.subscribe((s, prev) => {
    if (restoring || (s.config === prev.config && s.ui === prev.ui)) return;
    if (placeKey(s) !== placeKey(prev)) writer.push(urlStateOf(s));
    else writer.write(urlStateOf(s));
  });
  window.addEventListener('popstate', () => {
    writer.cancel();
    // Every entry this page wrote holds a full link (seed included), so the same run comes back.
    const { state } = readLink(location.search, catalog);
    restoring = true;
    try {
      store.setState({ config: state.config, ui: { ...store.getState().ui, ...state.ui } });
    } finally {
      restoring = false;
    }
  });
  return writer;
}

/** The config fields changed on the page since the first pass (same-valued fields are not edits). */
function keptEdits<C extends object>(now: C, first: C): Partial<C> {
  const edits: Partial<C> = {};
  for (const k of Object.keys(now) as (keyof C)[]) {
    if (JSON.stringify(now[k]) !== JSON.stringify(first[k])) edits[k] = now[k];
  }
  return edits;
}

async function start() {
  const catalog = await loadCatalog();
  const { state, notices } = readLink(location.search, catalog);
  // The page may have been used while the catalogue loaded (a click on "Compare", a language
  // switch): keep what the person changed; take from the full parse only what the first pass
  // could not know.
  const ui = store.getState().ui;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const learned: Partial<typeof state.ui> = {};
  const moved: (keyof typeof state.ui)[] = [];
  for (const k of Object.keys(state.ui) as (keyof typeof state.ui)[]) {
    if (!same(ui[k], boot.state.ui[k])) moved.push(k);
    else if (!same(state.ui[k], boot.state.ui[k])) Object.assign(learned, { [k]: state.ui[k] });
  }
  const nextUi = { ...ui, ...learned, notices: [...ui.notices, ...notices] };
  // A person who went to a card or a lesson while it loaded gets the run that page announces.
  const navigated = moved.some((k) => k === 'page' || k === 'lesson' || k === 'lessonStep');
  const announced = navigated ? announcedConfig(catalog, nextUi, state.config.cellId) : null;
  // A slider dragged while the catalogue loaded is kept too: the drag was the person's last word.
  const touched = keptEdits(store.getState().config, boot.state.config);
  const config = announced ?? { ...state.config, ...touched };
  store.setState({ catalog, config, ui: nextUi });

  const writer = syncHistory(store, catalog);
  writer.write(urlStateOf(store.getState()));
  writer.flush();

  installBridge(createBridge(store));
}

/** Resolves once the first frame is on screen: the catalogue's chunk brings tfjs-core (the cell
 *  code imports it), and fetching and evaluating it must not delay the lesson's first paint.
 *  A hidden tab paints no frames, so a timer stands in for the frame there. */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
}

afterFirstPaint().then(start).catch((err: unknown) => {
  store.getState().setRun({ status: 'error', message: err instanceof Error ? err.message : String(err) });
});
