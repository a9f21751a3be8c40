import { http } from '../http'

export interface Enums {
  orgKinds: string[]
  branchKinds: string[]
  sectors: string[]
  roles: string[]
  /** The kinds a top of the tree may be. */
  rootKinds: string[]
  /** Per kind, the kinds it may have below it (empty for a branch). */
  childKinds: Record<string, string[]>
}

export async function fetchEnums(): Promise<Enums> {
  const { data } = await http.get<Enums>('/meta/enums')
  return data
}

let enums: Promise<Enums> | null = null

/** The enums, asked once per page load (they change only with a new server version); a failure is asked again. */
export function loadEnums(): Promise<Enums> {
  enums ??= fetchEnums().catch((e: unknown) => {
    enums = null
    throw e
  })
  return enums
}

/** For tests: forget the cached answer. */
export function forgetEnums(): void {
  enums = null
}
