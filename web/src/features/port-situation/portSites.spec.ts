import { describe, expect, it } from 'vitest'
import { formatFigure, imageProblem, MAX_IMAGE_BYTES, parseFigure, siteView } from './portSites'

describe('port site base data', () => {
  it('shows the flow image and site areas on the monitoring themes and the design capacity on the efficiency theme', () => {
    expect(siteView('PASSENGER_VEHICLE')).toEqual({ flow: 'PASSENGER_VEHICLE', figures: ['vehicleInspectionAreaM2', 'vehicleDepartureAreaM2'] })
    expect(siteView('PASSENGER').flow).toBe('PASSENGER')
    expect(siteView('FREIGHT')).toEqual({ flow: 'TRUCK', figures: ['truckInspectionAreaM2', 'truckDepartureAreaM2'] })
    expect(siteView('EFFICIENCY')).toEqual({ flow: null,
      figures: ['designVehiclesPerYear', 'designPassengersPerYear', 'designCargoTonnesPerYear'] })
    expect(siteView('TRADE').figures).toEqual([])
  })

  it('reads figures as the service checks them: blank is not given, areas two decimals, capacities whole numbers', () => {
    expect(parseFigure('vehicleInspectionAreaM2', ' ')).toBeNull()
    expect(parseFigure('vehicleInspectionAreaM2', '12,500.5')).toBe(12500.5)
    expect(parseFigure('truckDepartureAreaM2', '1.234')).toBe('invalid')
    expect(parseFigure('truckDepartureAreaM2', '-3')).toBe('invalid')
    expect(parseFigure('truckDepartureAreaM2', '100000001')).toBe('invalid')
    expect(parseFigure('designVehiclesPerYear', '2400000')).toBe(2400000)
    expect(parseFigure('designVehiclesPerYear', '2.5')).toBe('invalid')
    expect(parseFigure('designCargoTonnesPerYear', 'abc')).toBe('invalid')
  })

  it('refuses a file that is not PNG or JPEG or is larger than 5 MiB before sending it', () => {
    expect(imageProblem({ type: 'image/png', size: 1000 })).toBeNull()
    expect(imageProblem({ type: 'image/jpeg', size: MAX_IMAGE_BYTES })).toBeNull()
    expect(imageProblem({ type: 'image/gif', size: 1000 })).toBe('type')
    expect(imageProblem({ type: 'image/png', size: MAX_IMAGE_BYTES + 1 })).toBe('size')
    expect(imageProblem({ type: 'image/png', size: 0 })).toBe('size')
  })

  it('formats figures with separators and a dash when not given', () => {
    expect(formatFigure(null, 'zh-CN')).toBe('—')
    expect(formatFigure(2400000, 'en')).toBe('2,400,000')
  })
})
