import { describe, expect, it } from 'vitest'
import { feature } from 'topojson-client'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import topology from 'world-atlas/countries-50m.json'
import { HAINAN_BOUNDS, hainanOutline } from './hainanMap'

describe('hainanOutline', () => {
  it('takes Hainan Island out of the Natural Earth outline of China and nothing of the mainland', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const topo = topology as any
    const countries = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon>
    const china = countries.features.find((f) => String(f.id) === '156')!
    const outline = hainanOutline(china)
    const parts = outline.features[0].geometry.coordinates
    expect(parts.length).toBeGreaterThanOrEqual(1)
    const ring = parts[0][0]
    expect(ring.length).toBeGreaterThan(40)
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThanOrEqual(HAINAN_BOUNDS.minLon)
      expect(lat).toBeLessThanOrEqual(HAINAN_BOUNDS.maxLat)
    }
    // Haikou (20.04 N, 110.32 E) is on the north coast: the ring reaches that far north and east.
    expect(Math.max(...ring.map(([, lat]) => lat))).toBeGreaterThan(19.9)
    expect(Math.max(...ring.map(([lon]) => lon))).toBeGreaterThan(110.9)
  })
})
