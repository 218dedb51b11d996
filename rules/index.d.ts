export declare const packsDir: string;
export declare const schemaDir: string;
export interface BuiltinPack {
  id: string;
  file: string;
  data: unknown;
}
export declare function loadBuiltinPacks(): BuiltinPack[];
export declare function readSchema(name: 'pack' | 'config'): Record<string, unknown>;
