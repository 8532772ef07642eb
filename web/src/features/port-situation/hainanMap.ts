import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

/** Hainan Island's bounding box (WGS-84): the island and its near-shore islets, nothing of the mainland. */
export const HAINAN_BOUNDS = { minLon: 108.4, maxLon: 111.2, minLat: 18.0, maxLat: 20.3 }

function inHainan(ring: Position[]): boolean {
  return ring.every(
    ([lon, lat]) =>
      lon >= HAINAN_BOUNDS.minLon && lon <= HAINAN_BOUNDS.maxLon && lat >= HAINAN_BOUNDS.minLat && lat <= HAINAN_BOUNDS.maxLat,
  )
}

/**
 * Hainan's outline from a country's (multi)polygon: the parts that lie wholly inside the island's box. The source is
 * Natural Earth (public domain) as packaged by `world-atlas`.
 */
export function hainanOutline(country: Feature<Polygon | MultiPolygon>): FeatureCollection<MultiPolygon> {
  const polygons: Position[][][] =
    country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates
  const parts = polygons.filter((poly) => poly.length > 0 && inHainan(poly[0]))
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '海南岛' }, geometry: { type: 'MultiPolygon', coordinates: parts } },
    ],
  }
}

/** Loads Natural Earth 1:50m countries (lazily, only for the big screen) and returns Hainan's outline. */
export async function loadHainan(): Promise<FeatureCollection<MultiPolygon>> {
  const [{ feature }, topology] = await Promise.all([
    import('topojson-client'),
    import('world-atlas/countries-50m.json').then((m) => m.default as unknown),
  ])
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const topo = topology as any
  const countries = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon>
  const china = countries.features.find((f) => String(f.id) === '156')
  if (!china) throw new Error('China not found in the Natural Earth data')
  return hainanOutline(china)
}
