import type { PageData } from './$types';

/** The parts of the mapping step's data the page's sections show. */
type MapStep = Extract<PageData, { step: 'map' }>;
export type Analysis = MapStep['analysis'];
export type MappingStep = MapStep['mapping'];
/** The columns past those shown: how many, and those mapped (sent back as they are). */
export type Beyond = MapStep['beyond'];
export type Preview = NonNullable<MapStep['preview']>;
export type ImportIssue = Preview['errors'][number];

/** The list step's data: the file taken as a list of a source (lists/staged-list.ts). */
type ListData = Extract<PageData, { step: 'list' }>;
export type ListStep = ListData['list'];
export type ListReport = NonNullable<ListData['preview']>;
