import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { useGraphiQL, useGraphiQLActions, useMonaco } from '@graphiql/react';
import { GraphiQL, HISTORY_PLUGIN, type GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createElement as h, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { wsClient } from '../../apollo';
import { session } from '../auth/session';
import { accessToken } from '../auth/tokens';
import { EXAMPLES, type Example } from './examples';

function operationOf(query: string, operationName: string | null | undefined): string | null {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation ?? null;
  } catch {
    return null;
  }
}

/**
 * Requests go out as the signed-in user: queries and mutations over HTTP with
 * a fresh bearer token, subscriptions over the dashboard's graphql-ws
 * connection (its connectionParams carry the token).
 */
const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  if (operationOf(params.query, params.operationName) === 'subscription') {
    return wsClient.iterate({
      query: params.query,
      variables: params.variables ?? undefined,
      operationName: params.operationName ?? undefined,
    });
  }
  const token = await accessToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const variablesText = (e: Example) => (e.variables ? JSON.stringify(e.variables, null, 2) : '');

function ExampleList() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  // Until the schema has come, GraphiQL may still restore its tabs: an example opened then would be lost.
  const ready = useGraphiQL((state) => Boolean(state.schema) && Boolean(state.queryEditor));
  const { addTab, run } = useGraphiQLActions();
  /** In a new tab, so the analyst's own work stays where it was. */
  const open = (example: Example, execute: boolean) => {
    addTab();
    setTimeout(() => {
      queryEditor?.setValue(example.query);
      variableEditor?.setValue(variablesText(example));
      // GraphiQL reads the operation from the editor after a 100 ms debounce; run once it has.
      if (execute) setTimeout(run, 400);
    }, 0);
  };
  return h(
    'div',
    { className: 'hub-examples' },
    h('h2', { className: 'hub-examples-title' }, 'Примеры запросов'),
    h(
      'p',
      { className: 'hub-examples-lead' },
      'Запросы выполняются от вашего имени: вы видите только данные своей зоны ответственности. Схема — во вкладке документации.',
    ),
    ready ? null : h('p', { className: 'hub-examples-lead', role: 'status' }, 'Загрузка схемы…'),
    h(
      'ul',
      null,
      EXAMPLES.map((example) =>
        h(
          'li',
          { key: example.title },
          h('strong', null, example.title),
          h('span', null, example.description),
          h(
            'span',
            { className: 'hub-examples-actions' },
            h('button', { type: 'button', disabled: !ready, onClick: () => open(example, false) }, 'Открыть'),
            h(
              'button',
              { type: 'button', disabled: !ready, onClick: () => open(example, true), 'data-example': example.title },
              'Выполнить',
            ),
          ),
        ),
      ),
    ),
  );
}

const examplesPlugin = {
  title: 'Примеры запросов',
  icon: () => h('span', { 'aria-hidden': true, className: 'hub-examples-icon' }, '▤'),
  content: ExampleList,
};

/**
 * Monaco frames Cyrillic letters that look like Latin ones («МАОУ», «К5») as
 * suspicious; in a Russian product they are simply text.
 */
function PlainCyrillic() {
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return;
    const options = { unicodeHighlight: { ambiguousCharacters: false } };
    const apply = () => monaco.editor.getEditors().forEach((editor) => editor.updateOptions(options));
    apply();
    const created = monaco.editor.onDidCreateEditor(() => setTimeout(apply, 0));
    return () => created.dispose();
  }, [monaco]);
  return null;
}

/**
 * Tabs and history kept per user: on a shared office computer one analyst's
 * queries do not open in another's console.
 */
function userStorage(): GraphiQLProps['storage'] {
  const prefix = `hub.console.${session.value?.user.username ?? 'anonymous'}:`;
  const keys = () => Object.keys(localStorage).filter((k) => k.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => keys().forEach((k) => localStorage.removeItem(k)),
    get length() {
      return keys().length;
    },
  };
}

/** GraphiQL in a React root inside the Vue page; returns the unmount. */
export function mountGraphiQL(element: HTMLElement): () => void {
  const root = createRoot(element);
  root.render(
    h(
      StrictMode,
      null,
      h(PlainCyrillic),
      h(GraphiQL, {
        fetcher,
        storage: userStorage(),
        plugins: [examplesPlugin, HISTORY_PLUGIN],
        visiblePlugin: examplesPlugin,
        initialQuery: EXAMPLES[0]!.query,
        initialVariables: variablesText(EXAMPLES[0]!),
        defaultEditorToolsVisibility: 'variables',
        isHeadersEditorEnabled: false,
        shouldPersistHeaders: false,
        forcedTheme: 'light',
      }),
    ),
  );
  return () => root.unmount();
}
