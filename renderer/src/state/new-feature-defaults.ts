import type { DrawableKind } from './edit-session';

/** Starting attributes of a drawn feature; the form asks for the rest. `kind` and `source` are set on save. */
export function defaultPropertiesFor(kind: DrawableKind): Record<string, unknown> {
  switch (kind) {
    case 'road':
      return {
        ruasNumber: '',
        name: '',
        status: 'provinsi',
        functionClass: null,
        roadClass: null,
        rumijaWidthM: null,
        carriagewayWidthM: null,
        condition: null,
        surface: null,
        regencyCode: null,
        lengthM: 0,
        proposedStatus: null,
        borderRoute: false,
      };
    case 'bridge':
      return {
        name: '',
        lengthM: null,
        widthM: null,
        condition: null,
        existence: 'existing',
        ruasNumber: null,
        staM: null,
        regencyCode: null,
        note: null,
      };
    case 'asset':
      return { category: 'tiang_listrik', owner: '', ownerType: 'pln', label: null, installedYear: null };
    case 'annotation':
      return { text: '', note: null };
  }
}
