import { describe, expect, it } from 'vitest';
import { OpenFilesRequestSchema } from '../../host/host-api';
import { IMPORT_EXTENSIONS } from './registry';

describe('format registry', () => {
  // The import button asks the host for a file dialog with every format's extensions; a request the host's schema
  // refuses opened no dialog at all once DXF and DWG made the list 21 long.
  it('offers every import extension in one file dialog the host accepts', () => {
    const request = {
      title: 'Impor',
      multiple: true,
      filters: [{ name: 'Data survei', extensions: IMPORT_EXTENSIONS }],
    };
    expect(OpenFilesRequestSchema.safeParse(request).success).toBe(true);
    expect(IMPORT_EXTENSIONS).toContain('dxf');
  });
});
