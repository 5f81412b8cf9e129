import type { ActionData, PageData } from './$types';

/** The parts of the import's page data its sections show. */
export type Batch = PageData['batch'];
export type FiguresPage = NonNullable<PageData['figures']>;
export type ReplacedPage = NonNullable<PageData['replaced']>;
export type SkippedPage = PageData['skipped'];
/** The last undo's answer, when the page was sent one. */
export type UndoAnswer = NonNullable<ActionData>['undo'];
/** The last verification mark's answer, when the page was sent one. */
export type VerifyAnswer = NonNullable<ActionData>['verify'];
