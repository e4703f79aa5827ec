/** The stylesheet without remote @imports; throws when it would still load something from another host. */
export function stripRemoteImports(css: string, fileName: string): string;
