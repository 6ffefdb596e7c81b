/** The longest comment; a module of its own so client components can import it without zod. */
export const MAX_COMMENT_LENGTH = 4000;
