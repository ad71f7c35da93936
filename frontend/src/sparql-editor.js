// The SPARQL editor: CodeMirror 6 over the page's <textarea name="query">, which stays the
// form field (the page works without this script). Ctrl/Cmd-Enter runs the query.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, placeholder,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import {
  StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

function mount(textarea) {
  const form = textarea.form;
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const run = () => {
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
    return true;
  };
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), history(), drawSelection(),
        indentOnInput(), bracketMatching(), closeBrackets(), highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        StreamLanguage.define(sparql),
        placeholder(textarea.placeholder || ""),
        keymap.of([{ key: "Mod-Enter", run }, ...closeBracketsKeymap, ...defaultKeymap,
                   ...searchKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": label ? label.textContent.trim() : "SPARQL",
          "aria-multiline": "true",
          spellcheck: "false",
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) textarea.value = u.state.doc.toString();
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  view.dom.classList.add("cm-sparql");
  if (label) label.addEventListener("click", () => view.focus());
  window.styrgrafEditor = {
    get: () => view.state.doc.toString(),
    set: (text) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      textarea.value = text;
    },
    focus: () => view.focus(),
    view,
  };
  document.dispatchEvent(new CustomEvent("styrgraf:editor-ready"));
}

const ta = document.querySelector("textarea[data-sparql-editor]");
if (ta) mount(ta);
