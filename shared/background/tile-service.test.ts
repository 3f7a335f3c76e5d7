import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { PMTiles, FileSource } from 'pmtiles';
import { hostsOf, tileBoxMetres, tileCountOfArea, tilesOfArea, tileUrlOf, TileServiceSchema } from './tile-service';
import { problemOf } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';
import { readWmsCapabilities, readWmtsCapabilities, type CapabilitiesParser } from './service-capabilities';
import { saveAreaOffline } from './save-area';
import { writePmtiles } from './write-pmtiles';

const parse: CapabilitiesParser = (text) =>
  new DOMParser().parseFromString(text, 'text/xml') as unknown as ReturnType<CapabilitiesParser>;
const service = (input: unknown) => TileServiceSchema.parse(input);

describe('tile service addresses', () => {
  it('fills XYZ and TMS templates, with subdomains, and lists every host they reach', () => {
    const osm = service({ kind: 'xyz', template: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' });
    expect(tileUrlOf(osm, 14, 13660, 8680)).toBe('https://c.tile.example.org/14/13660/8680.png');
    expect(hostsOf(osm)).toEqual(['a.tile.example.org', 'b.tile.example.org', 'c.tile.example.org']);
    const tms = service({ kind: 'xyz', template: 'http://127.0.0.1:8080/tms/{z}/{x}/{y}.jpg', scheme: 'tms' });
    expect(tileUrlOf(tms, 3, 1, 2)).toBe('http://127.0.0.1:8080/tms/3/1/5.jpg');
    expect(hostsOf(tms)).toEqual(['127.0.0.1:8080']);
    const flipped = service({ kind: 'xyz', template: 'https://t.example.org/{z}/{x}/{-y}' });
    expect(tileUrlOf(flipped, 3, 1, 2)).toBe('https://t.example.org/3/1/5');
    expect(
      tileUrlOf(service({ kind: 'xyz', template: 'https://t.example.org/{z}/{x}/{y}', maxzoom: 12 }), 13, 0, 0),
    ).toBe(null);
  });

  it('refuses templates without {z}/{x}/{y} and addresses that are not http(s)', () => {
    expect(TileServiceSchema.safeParse({ kind: 'xyz', template: 'https://t.example.org/tiles' }).success).toBe(false);
    expect(TileServiceSchema.safeParse({ kind: 'xyz', template: 'file:///etc/{z}/{x}/{y}' }).success).toBe(false);
    expect(TileServiceSchema.safeParse({ kind: 'wms', url: 'javascript:alert(1)', layers: 'a' }).success).toBe(false);
  });

  it('asks a WMS for the tile box in EPSG:3857, keeping the service own parameters', () => {
    expect(tileBoxMetres(1, 0, 0).map(Math.round)).toEqual([-20037508, 0, 0, 20037508]);
    const wms = service({
      kind: 'wms',
      url: 'https://geo.example.go.id/geoserver/wms?map=jalan&layers=old',
      layers: 'pupr:jalan_provinsi',
    });
    const url = new URL(tileUrlOf(wms, 1, 1, 1)!);
    expect(url.searchParams.get('map')).toBe('jalan');
    expect(url.searchParams.get('layers')).toBe(null);
    expect(url.searchParams.get('LAYERS')).toBe('pupr:jalan_provinsi');
    expect(url.searchParams.get('CRS')).toBe('EPSG:3857');
    expect(url.searchParams.get('BBOX')).toBe('0,-20037508.3428,20037508.3428,0');
    expect(url.searchParams.get('WIDTH')).toBe('256');
  });

  it('counts and lists the tiles of an area at each zoom', () => {
    const kupang = [123.55, -10.2, 123.65, -10.13] as [number, number, number, number];
    const tiles = tilesOfArea(kupang, 10, 14);
    expect(tileCountOfArea(kupang, 10, 14)).toBe(tiles.length);
    const z10 = tiles.filter((tile) => tile.z === 10);
    expect(z10.map((tile) => tile.x)).toEqual(z10.map(() => 863)); // 123.55°–123.65° E: (lon + 180) / 360 × 1024
    expect(z10.map((tile) => tile.y).sort()).toEqual([540, 541].slice(0, z10.length));
    expect(new Set(tiles.map((tile) => `${tile.z}/${tile.x}/${tile.y}`)).size).toBe(tiles.length);
    // Whole world at zoom 2: 16 tiles.
    expect(tileCountOfArea([-180, -85, 180, 85], 2, 2)).toBe(16);
  });
});

const WMS_130 = `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><Name>WMS</Name><Title>GeoServer PUPR NTT</Title></Service>
  <Capability>
    <Request>
      <GetMap>
        <Format>image/jpeg</Format><Format>image/png</Format>
        <DCPType><HTTP><Get><OnlineResource xlink:type="simple" xlink:href="https://geo.example.go.id/geoserver/ows?SERVICE=WMS&amp;"/></Get></HTTP></DCPType>
      </GetMap>
    </Request>
    <Layer>
      <Title>PUPR NTT</Title>
      <CRS>EPSG:4326</CRS><CRS>EPSG:3857</CRS>
      <Attribution><Title>Dinas PUPR NTT</Title></Attribution>
      <Layer queryable="1"><Name>pupr:jalan_provinsi</Name><Title>Jalan provinsi</Title></Layer>
      <Layer><Name>pupr:ortofoto_2025</Name><Title>Ortofoto 2025</Title>
        <Attribution><Title>BIG / drone PUPR</Title></Attribution></Layer>
    </Layer>
    <Layer><Name>utm_only</Name><Title>Only UTM</Title><CRS>EPSG:32751</CRS></Layer>
  </Capability>
</WMS_Capabilities>`;

const WMTS = `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceProvider><ows:ProviderName>Badan Informasi Geospasial</ows:ProviderName></ows:ServiceProvider>
  <ows:OperationsMetadata>
    <ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
      <ows:Get xlink:href="https://tiles.example.go.id/wmts?"/>
    </ows:HTTP></ows:DCP></ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Title>Rupabumi</ows:Title><ows:Identifier>rbi</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:4326</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile"
        template="https://tiles.example.go.id/rbi/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <Layer>
      <ows:Title>Geografis saja</ows:Title><ows:Identifier>geo</ows:Identifier>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:4326</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <Layer>
      <ows:Title>Citra KVP</ows:Title><ows:Identifier>citra</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/jpeg</Format>
      <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>EPSG:4326</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::4326</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator>
        <TopLeftCorner>90 -180</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
    <TileMatrixSet>
      <ows:Identifier>GoogleMapsCompatible</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG:6.18.3:3857</ows:SupportedCRS>
      ${[0, 1, 2, 18]
        .map(
          (z) => `<TileMatrix><ows:Identifier>GM:${z}</ows:Identifier>
        <ScaleDenominator>${559082264.0287178 / 2 ** z}</ScaleDenominator>
        <TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth>
        <TileHeight>256</TileHeight><MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** z}</MatrixHeight></TileMatrix>`,
        )
        .join('\n')}
    </TileMatrixSet>
  </Contents>
</Capabilities>`;

describe('GetCapabilities', () => {
  it('lists the named layers of a WMS 1.3.0 with inherited CRS and attribution, and says which cannot be used', () => {
    const layers = readWmsCapabilities(parse, WMS_130, 'https://geo.example.go.id/geoserver/wms');
    expect(layers.map((layer) => [layer.id, layer.title, layer.problem ?? null])).toEqual([
      ['pupr:jalan_provinsi', 'Jalan provinsi', null],
      ['pupr:ortofoto_2025', 'Ortofoto 2025', null],
      ['utm_only', 'Only UTM', { code: 'service.noMercator' }],
    ]);
    const ortho = service(layers[1]!.service);
    expect(ortho).toMatchObject({
      kind: 'wms',
      version: '1.3.0',
      format: 'image/png',
      attribution: 'BIG / drone PUPR',
    });
    expect(tileUrlOf(ortho, 14, 13660, 8680)).toMatch(
      /^https:\/\/geo\.example\.go\.id\/geoserver\/ows\?SERVICE=WMS&REQUEST=GetMap&.*LAYERS=pupr%3Aortofoto_2025/,
    );
    expect(layers[0]!.service!.attribution).toBe('Dinas PUPR NTT');
  });

  it('reads WMTS tile templates (ResourceURL and KVP) and the zoom of each web-mercator matrix', () => {
    const layers = readWmtsCapabilities(parse, WMTS, 'https://tiles.example.go.id/wmts');
    expect(layers.map((layer) => [layer.id, layer.problem ?? null])).toEqual([
      ['rbi', null],
      ['geo', { code: 'service.noMercatorMatrix' }],
      ['citra', null],
    ]);
    const rbi = service(layers[0]!.service);
    expect(rbi).toMatchObject({ minzoom: 0, maxzoom: 18, attribution: 'Badan Informasi Geospasial' });
    expect(tileUrlOf(rbi, 18, 220_000, 140_000)).toBe(
      'https://tiles.example.go.id/rbi/default/GoogleMapsCompatible/GM%3A18/140000/220000.png',
    );
    expect(tileUrlOf(rbi, 3, 0, 0)).toBe(null); // no matrix for zoom 3
    const citra = new URL(tileUrlOf(service(layers[2]!.service), 2, 3, 1)!);
    expect(Object.fromEntries(citra.searchParams)).toMatchObject({
      SERVICE: 'WMTS',
      REQUEST: 'GetTile',
      LAYER: 'citra',
      FORMAT: 'image/jpeg',
      TILEMATRIX: 'GM:2',
      TILEROW: '1',
      TILECOL: '3',
    });
  });

  it('names what a service answered instead of capabilities', () => {
    const refusal =
      '<ServiceExceptionReport><ServiceException>Unknown service</ServiceException></ServiceExceptionReport>';
    expect(() => readWmsCapabilities(parse, refusal, 'https://x.example/wms')).toThrow(
      'https://x.example/wms: layanan menolak: Unknown service',
    );
    expect(() => readWmtsCapabilities(parse, WMS_130, 'https://x.example/wmts')).toThrow(/bukan kemampuan WMTS/);
    try {
      readWmsCapabilities(parse, refusal, 'https://x.example/wms');
    } catch (error) {
      expect(wordProblem(problemOf(error), 'en')).toBe('https://x.example/wms: the service refused: Unknown service');
    }
  });
});

describe('PMTiles archive for offline use', () => {
  it('puts a large directory into leaves that the pmtiles reader follows', async () => {
    const tiles = tilesOfArea([123.4, -10.4, 123.9, -10], 8, 16).map((tile) => ({
      ...tile,
      data: new TextEncoder().encode(`${tile.z}/${tile.x}/${tile.y}`),
    }));
    expect(tiles.length).toBeGreaterThan(5000);
    const bytes = writePmtiles(tiles, { tileType: 2, bounds: [123.4, -10.4, 123.9, -10], metadata: { name: 'uji' } });
    const archive = new PMTiles(new FileSource(new File([bytes as Uint8Array<ArrayBuffer>], 'uji.pmtiles')));
    expect((await archive.getHeader()).leafDirectoryLength).toBeGreaterThan(0);
    for (const tile of [tiles[0]!, tiles[2500]!, tiles.at(-1)!]) {
      const found = await archive.getZxy(tile.z, tile.x, tile.y);
      expect(new TextDecoder().decode(found!.data)).toBe(`${tile.z}/${tile.x}/${tile.y}`);
    }
    expect(await archive.getZxy(15, 0, 0)).toBeUndefined();
  });

  it('saves an area all or nothing: a failing tile or a cancel makes no archive', async () => {
    const bounds = [123.55, -10.2, 123.65, -10.13] as [number, number, number, number];
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const progress: number[] = [];
    const saved = await saveAreaOffline({
      bounds,
      minzoom: 10,
      maxzoom: 13,
      name: 'uji',
      attribution: 'uji',
      fetchTile: async (z, x) => (z === 13 && x % 2 === 0 ? null : png),
      onProgress: (done) => progress.push(done),
    });
    const total = tileCountOfArea(bounds, 10, 13);
    expect(saved.tiles + saved.empty).toBe(total);
    expect(saved.empty).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(total);
    await expect(
      saveAreaOffline({
        bounds,
        minzoom: 10,
        maxzoom: 13,
        name: 'uji',
        attribution: '',
        fetchTile: async (z) => {
          if (z === 12) throw new Error('offline');
          return png;
        },
      }),
    ).rejects.toThrow(/^Ubin 12\/\d+\/\d+ tidak dapat diunduh; tidak ada yang disimpan: .*offline$/);
    const controller = new AbortController();
    await expect(
      saveAreaOffline({
        bounds,
        minzoom: 10,
        maxzoom: 13,
        name: 'uji',
        attribution: '',
        signal: controller.signal,
        fetchTile: async () => (controller.abort(), png),
      }),
    ).rejects.toThrow('Dibatalkan; tidak ada yang disimpan');
    await expect(
      saveAreaOffline({
        bounds: [120, -11, 125, -8],
        minzoom: 8,
        maxzoom: 16,
        name: 'x',
        attribution: '',
        fetchTile: async () => png,
      }),
    ).rejects.toThrow(/melebihi batas 20\.000/);
  });
});
