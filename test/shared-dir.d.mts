export declare const SHARED_DIR: string;
export declare const HAVE_SHARED: boolean;
export declare const SKIP_REASON: string;
export declare function sharedPath(rel: string): string;
