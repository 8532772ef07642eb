import { use } from 'echarts/core'
import { EffectScatterChart, GaugeChart, HeatmapChart, LineChart, LinesChart, MapChart, RadarChart, ScatterChart } from 'echarts/charts'
import { GeoComponent, RadarComponent, VisualMapComponent } from 'echarts/components'

// The chart types the One Map needs besides the app's bar and pie charts.
use([MapChart, HeatmapChart, ScatterChart, EffectScatterChart, LinesChart, LineChart, GaugeChart, RadarChart, GeoComponent,
  RadarComponent, VisualMapComponent])
