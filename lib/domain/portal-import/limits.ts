/*
 * Limits of the import, shared by the browser (which checks before sending)
 * and the server (which decides). No zod here: the upload page imports it.
 */

/** A saved profile page is about 30 KB; anything near this is not one. Under the 1 MB body limit of server actions. */
export const MAX_IMPORT_BYTES = 500_000;

/** How many files one upload may hold (the portal has some 200 profiles). */
export const MAX_IMPORT_FILES = 500;
