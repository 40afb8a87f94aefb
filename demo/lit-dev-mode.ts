// The demo runs from source under Vite, i.e. Lit's development build; its one "dev mode" notice is
// expected here and kept out of the console with Lit's own switch. Sites ship dist/ (production).
// Imported after the elements: Lit issues the notice in a microtask, after every module has run.
((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add('dev-mode');
