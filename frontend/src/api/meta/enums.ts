import { http } from '../http'

export interface Enums {
  orgKinds: string[]
  branchKinds: string[]
  sectors: string[]
  roles: string[]
}

export async function fetchEnums(): Promise<Enums> {
  const { data } = await http.get<Enums>('/meta/enums')
  return data
}
