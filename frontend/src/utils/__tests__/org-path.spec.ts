import { describe, expect, it } from 'vitest'
import { formatOrgPath, orgAncestors } from '../org-path'

const county = { id: 1, code: 'X01', name: '示例县团委' }
const town = { id: 2, code: 'X01-01', name: '甲镇团委' }

describe('where an org sits', () => {
  it('reads `ancestors` as the server sends them, top first', () => {
    expect(formatOrgPath({ id: 3, ancestors: [county, town] })).toBe('示例县团委 › 甲镇团委')
  })

  it('reads a `path` that ends with the org itself without repeating it', () => {
    expect(orgAncestors({ id: 3, path: [county, town, { id: 3, code: 'X01-01-01', name: '红星村团支部' }] })).toEqual([
      county,
      town,
    ])
  })

  it('says nothing when the server sent no path (older servers) or the org is a top', () => {
    expect(formatOrgPath({ id: 3 })).toBe('')
    expect(formatOrgPath({ id: 1, ancestors: [] })).toBe('')
  })
})
