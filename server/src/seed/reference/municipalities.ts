import { MunicipalityKind } from '../../modules/municipalities/municipality.entity';

export interface MunicipalityReference {
  code: string;
  name: string;
  kind: MunicipalityKind;
  centre: string;
  latitude: number;
  longitude: number;
  distanceToTomskKm: number;
  yearRoundRoad: boolean;
  /** The name without «г.» / «район», from which the usual spellings are made. */
  stem: string;
  /** Spellings that the usual forms do not produce. */
  extraAliases?: string[];
}

const CITY = MunicipalityKind.CITY_DISTRICT;
const DISTRICT = MunicipalityKind.MUNICIPAL_DISTRICT;

/**
 * The 20 municipalities (BRIEF §2). Coordinates are those of the centres,
 * distances are approximate road distances to Tomsk: editable reference data,
 * not survey figures. Томский район's centre is Tomsk itself (outside the
 * district); its point is placed south-east of the city so the map shows both.
 */
export const MUNICIPALITIES: MunicipalityReference[] = [
  {
    code: 'tomsk',
    name: 'г. Томск',
    kind: CITY,
    centre: 'Томск',
    latitude: 56.4847,
    longitude: 84.9482,
    distanceToTomskKm: 0,
    yearRoundRoad: true,
    stem: 'Томск',
  },
  {
    code: 'seversk',
    name: 'ЗАТО Северск',
    kind: CITY,
    centre: 'Северск',
    latitude: 56.6031,
    longitude: 84.8809,
    distanceToTomskKm: 15,
    yearRoundRoad: true,
    stem: 'Северск',
    extraAliases: ['ЗАТО г. Северск', 'городской округ ЗАТО Северск', 'ЗАТО Северск Томской области'],
  },
  {
    code: 'strezhevoy',
    name: 'г. Стрежевой',
    kind: CITY,
    centre: 'Стрежевой',
    latitude: 60.7333,
    longitude: 77.5889,
    distanceToTomskKm: 1050,
    yearRoundRoad: false,
    stem: 'Стрежевой',
  },
  {
    code: 'kedrovy',
    name: 'г. Кедровый',
    kind: CITY,
    centre: 'Кедровый',
    latitude: 57.5611,
    longitude: 79.5667,
    distanceToTomskKm: 460,
    yearRoundRoad: false,
    stem: 'Кедровый',
  },
  {
    code: 'aleksandrovsky',
    name: 'Александровский район',
    kind: DISTRICT,
    centre: 'с. Александровское',
    latitude: 60.4333,
    longitude: 77.8667,
    distanceToTomskKm: 980,
    yearRoundRoad: false,
    stem: 'Александровский',
  },
  {
    code: 'asinovsky',
    name: 'Асиновский район',
    kind: DISTRICT,
    centre: 'г. Асино',
    latitude: 56.9833,
    longitude: 86.15,
    distanceToTomskKm: 100,
    yearRoundRoad: true,
    stem: 'Асиновский',
  },
  {
    code: 'bakcharsky',
    name: 'Бакчарский район',
    kind: DISTRICT,
    centre: 'с. Бакчар',
    latitude: 56.9833,
    longitude: 82.0667,
    distanceToTomskKm: 250,
    yearRoundRoad: true,
    stem: 'Бакчарский',
  },
  {
    code: 'verkhneketsky',
    name: 'Верхнекетский район',
    kind: DISTRICT,
    centre: 'р.п. Белый Яр',
    latitude: 58.4431,
    longitude: 85.0311,
    distanceToTomskKm: 330,
    yearRoundRoad: true,
    stem: 'Верхнекетский',
    extraAliases: ['Вехнекетский район', 'Вехнекетский'],
  },
  {
    code: 'zyryansky',
    name: 'Зырянский район',
    kind: DISTRICT,
    centre: 'с. Зырянское',
    latitude: 56.8333,
    longitude: 86.6167,
    distanceToTomskKm: 140,
    yearRoundRoad: true,
    stem: 'Зырянский',
  },
  {
    code: 'kargasoksky',
    name: 'Каргасокский район',
    kind: DISTRICT,
    centre: 'с. Каргасок',
    latitude: 59.0556,
    longitude: 80.8572,
    distanceToTomskKm: 460,
    yearRoundRoad: true,
    stem: 'Каргасокский',
  },
  {
    code: 'kozhevnikovsky',
    name: 'Кожевниковский район',
    kind: DISTRICT,
    centre: 'с. Кожевниково',
    latitude: 56.2594,
    longitude: 83.97,
    distanceToTomskKm: 80,
    yearRoundRoad: true,
    stem: 'Кожевниковский',
  },
  {
    code: 'kolpashevsky',
    name: 'Колпашевский район',
    kind: DISTRICT,
    centre: 'г. Колпашево',
    latitude: 58.3114,
    longitude: 82.9025,
    distanceToTomskKm: 280,
    yearRoundRoad: true,
    stem: 'Колпашевский',
  },
  {
    code: 'krivosheinsky',
    name: 'Кривошеинский район',
    kind: DISTRICT,
    centre: 'с. Кривошеино',
    latitude: 57.3417,
    longitude: 83.9286,
    distanceToTomskKm: 150,
    yearRoundRoad: true,
    stem: 'Кривошеинский',
  },
  {
    code: 'molchanovsky',
    name: 'Молчановский район',
    kind: DISTRICT,
    centre: 'с. Молчаново',
    latitude: 57.5817,
    longitude: 83.7711,
    distanceToTomskKm: 190,
    yearRoundRoad: true,
    stem: 'Молчановский',
  },
  {
    code: 'parabelsky',
    name: 'Парабельский район',
    kind: DISTRICT,
    centre: 'с. Парабель',
    latitude: 58.6978,
    longitude: 81.4825,
    distanceToTomskKm: 390,
    yearRoundRoad: true,
    stem: 'Парабельский',
  },
  {
    code: 'pervomaysky',
    name: 'Первомайский район',
    kind: DISTRICT,
    centre: 'с. Первомайское',
    latitude: 57.0661,
    longitude: 86.2275,
    distanceToTomskKm: 130,
    yearRoundRoad: true,
    stem: 'Первомайский',
  },
  {
    code: 'teguldetsky',
    name: 'Тегульдетский район',
    kind: DISTRICT,
    centre: 'с. Тегульдет',
    latitude: 57.3064,
    longitude: 88.1656,
    distanceToTomskKm: 250,
    yearRoundRoad: true,
    stem: 'Тегульдетский',
  },
  {
    code: 'tomsky',
    name: 'Томский район',
    kind: DISTRICT,
    centre: 'Томск (вне района)',
    latitude: 56.35,
    longitude: 85.25,
    distanceToTomskKm: 30,
    yearRoundRoad: true,
    stem: 'Томский',
  },
  {
    code: 'chainsky',
    name: 'Чаинский район',
    kind: DISTRICT,
    centre: 'с. Подгорное',
    latitude: 57.7839,
    longitude: 82.6486,
    distanceToTomskKm: 240,
    yearRoundRoad: true,
    stem: 'Чаинский',
  },
  {
    code: 'shegarsky',
    name: 'Шегарский район',
    kind: DISTRICT,
    centre: 'с. Мельниково',
    latitude: 56.5167,
    longitude: 84.0833,
    distanceToTomskKm: 65,
    yearRoundRoad: true,
    stem: 'Шегарский',
  },
];

/** The spellings that source files use for a municipality (before normalisation). */
export function municipalityAliases(m: MunicipalityReference): string[] {
  const s = m.stem;
  const forms =
    m.kind === CITY
      ? [s, `г. ${s}`, `город ${s}`, `городской округ ${s}`, `городской округ город ${s}`, `г.о. ${s}`, `ГО ${s}`]
      : [s, `${s} район`, `${s} р-н`, `${s} муниципальный район`, `муниципальный район ${s}`];
  return [m.name, m.code, ...forms, ...(m.extraAliases ?? [])];
}
