import { SchoolFounder } from '../../modules/schools/school.entity';
import { Locality } from '../../modules/shared/locality';

export interface SchoolReference {
  code: string;
  municipalityCode: string;
  fullName: string;
  shortName: string | null;
  type: string;
  founder: SchoolFounder;
  locality: Locality;
  studentCount: number;
  teacherCount: number;
  distanceToTomskKm: number;
  yearRoundRoad: boolean | null;
}

const U = Locality.URBAN;
const R = Locality.RURAL;

/**
 * The 65 schools of the 2024 ВСОКО sample (распоряжение Департамента образования
 * Томской области от 01.10.2024 № 1384, Приложение № 3), in the order of that
 * list, with the names as the list writes them. The list gives names and
 * municipalities only: type and founder are read from the name, while locality,
 * sizes and road distances are approximations, to be replaced by the
 * department's `schools` import. `null` road means "as the municipality".
 * Columns: municipality, name, type, locality, students, teachers, km to Tomsk, year-round road.
 */
const ROWS: [string, string, string, Locality, number, number, number, boolean | null][] = [
  ['aleksandrovsky', 'МАОУ СОШ №2 с. Александровское', 'СОШ', R, 410, 38, 980, null],
  ['asinovsky', 'МАОУ - СОШ села Батурино Асиновского района Томской области', 'СОШ', R, 180, 22, 110, null],
  ['asinovsky', 'МАОУ- СОШ с. Новиковки Асиновского района', 'СОШ', R, 150, 20, 125, null],
  ['asinovsky', 'МАОУ гимназия № 2 г. Асино', 'гимназия', U, 640, 48, 100, null],
  ['asinovsky', 'МАОУ- СОШ № 1 г. Асино', 'СОШ', U, 720, 52, 100, null],
  ['bakcharsky', 'МКОУ "Плотниковская сош"', 'СОШ', R, 160, 21, 210, null],
  ['bakcharsky', 'МКОУ Вавиловская СОШ', 'СОШ', R, 90, 16, 275, null],
  ['verkhneketsky', 'МАОУ "БСШ № 2"', 'СОШ', U, 590, 44, 330, null],
  ['verkhneketsky', 'МБОУ "Клюквинская СОШИ" Верхнекетского района', 'СОШ-интернат', R, 230, 27, 380, null],
  ['verkhneketsky', 'МБОУ "Сайгинская СОШ" Верхнекетского района', 'СОШ', R, 120, 18, 420, false],
  ['verkhneketsky', 'МБОУ "Степановская СОШ" Верхнекетского района', 'СОШ', R, 110, 17, 345, null],
  ['kedrovy', 'МКОУ Пудинская СОШ', 'СОШ', R, 70, 14, 520, null],
  ['seversk', 'МБОУ "СОШ № 196"', 'СОШ', U, 1050, 68, 15, null],
  ['seversk', 'МБОУ "СОШ № 87"', 'СОШ', U, 640, 45, 15, null],
  ['seversk', 'МБОУ "СОШ № 89"', 'СОШ', U, 880, 58, 15, null],
  ['strezhevoy', 'МОУ «СОШ № 4» г. Стрежевой', 'СОШ', U, 900, 60, 1050, null],
  ['tomsk', 'МАОУ ООШ № 38', 'ООШ', U, 260, 24, 0, null],
  ['tomsk', 'МАОУ СОШ № 11 им. В.И. Смирнова', 'СОШ', U, 1100, 70, 0, null],
  ['tomsk', 'МАОУ СОШ № 12', 'СОШ', U, 820, 55, 0, null],
  ['tomsk', 'МАОУ СОШ № 22 г. Томска', 'СОШ', U, 1000, 64, 0, null],
  ['tomsk', 'МАОУ СОШ № 30', 'СОШ', U, 900, 58, 0, null],
  ['tomsk', 'МАОУ СОШ № 31', 'СОШ', U, 950, 60, 0, null],
  ['tomsk', 'МАОУ СОШ № 42', 'СОШ', U, 1300, 80, 0, null],
  ['tomsk', 'МАОУ СОШ № 5 им. А.К. Ерохина г. Томска', 'СОШ', U, 1250, 78, 0, null],
  ['tomsk', 'МАОУ СОШ № 50', 'СОШ', U, 1000, 63, 0, null],
  ['tomsk', 'МАОУ СОШ № 53', 'СОШ', U, 680, 46, 0, null],
  ['tomsk', 'МАОУ СОШ № 54', 'СОШ', U, 1350, 82, 0, null],
  ['tomsk', 'МАОУ гимназия № 24 им. М.В. Октябрьской г.Томска', 'гимназия', U, 1100, 75, 0, null],
  ['tomsk', 'МАОУ гимназия № 55 им. Е.Г.Вёрсткиной г. Томска', 'гимназия', U, 1000, 70, 0, null],
  ['tomsk', 'МАОУ Гуманитарный лицей г. Томска', 'лицей', U, 720, 52, 0, null],
  ['tomsk', 'МАОУ лицей №51 г.Томска', 'лицей', U, 900, 60, 0, null],
  ['tomsk', 'МАОУ СОШ № 16', 'СОШ', U, 1000, 62, 0, null],
  ['tomsk', 'ОГАОУ "Губернаторский Светленский лицей"', 'лицей', U, 350, 40, 10, null],
  ['zyryansky', 'МБОУ Зырянская СОШ', 'СОШ', R, 560, 45, 140, null],
  ['kargasoksky', 'МБОУ "Каргасокская СОШ № 1"', 'СОШ', R, 700, 52, 460, null],
  ['kargasoksky', 'МКОУ "Средневасюганская СОШ"', 'СОШ', R, 260, 30, 560, false],
  ['kargasoksky', 'МКОУ Новоюгинская СОШ Каргасокского района', 'СОШ', R, 110, 17, 520, false],
  ['kargasoksky', 'МБОУ Каргасокская СОШ № 2', 'СОШ', R, 450, 38, 460, null],
  ['kozhevnikovsky', 'МКОУ "Малиновская ООШ" Кожевниковского района', 'ООШ', R, 45, 11, 95, null],
  ['kozhevnikovsky', 'МАОУ "Кожевниковская СОШ № 1"', 'СОШ', R, 800, 56, 80, null],
  ['kolpashevsky', 'МАОУ "СОШ № 2" г. Колпашево', 'СОШ', U, 780, 54, 280, null],
  ['kolpashevsky', 'МБОУ "СОШ № 5" г. Колпашево', 'СОШ', U, 520, 40, 280, null],
  ['kolpashevsky', 'МБОУ "Чажемтовская СОШ"', 'СОШ', R, 230, 26, 300, null],
  ['krivosheinsky', 'МБОУ "Кривошеинская СОШ"', 'СОШ', R, 600, 46, 150, null],
  ['krivosheinsky', 'МБОУ Пудовская СОШ', 'СОШ', R, 90, 15, 165, null],
  ['molchanovsky', 'МБОУ "Могочинская СОШ"', 'СОШ', R, 280, 30, 220, null],
  ['molchanovsky', 'МАОУ Молчановская СОШ № 2', 'СОШ', R, 450, 38, 190, null],
  ['parabelsky', 'МБОУ "Шпалозаводская СШ"', 'СОШ', R, 130, 18, 380, null],
  ['pervomaysky', 'МБОУ Комсомольская СОШ', 'СОШ', R, 210, 24, 110, null],
  ['pervomaysky', 'МАОУ Альмяковская ООШ', 'ООШ', R, 35, 10, 150, null],
  ['pervomaysky', 'МБОУ Первомайская СОШ', 'СОШ', R, 700, 50, 130, null],
  ['teguldetsky', 'МКОУ "Тегульдетская СОШ"', 'СОШ', R, 450, 38, 250, null],
  ['tomsky', 'МБОУ "Турунтаевская СОШ" Томского района', 'СОШ', R, 420, 34, 45, null],
  ['tomsky', 'МАОУ "Кафтанчиковская СОШ" Томского района', 'СОШ', R, 600, 42, 12, null],
  ['tomsky', 'МБОУ "Кисловская СОШ" Томского района', 'СОШ', R, 560, 40, 15, null],
  ['tomsky', 'МБОУ "Молодёжненская СОШ" Томского района', 'СОШ', R, 380, 31, 20, null],
  ['tomsky', 'МАОУ "Малиновская СОШ" Томского района', 'СОШ', R, 300, 28, 30, null],
  ['tomsky', 'МБОУ "Зоркальцевская СОШ" Томского района', 'СОШ', R, 480, 36, 25, null],
  ['tomsky', 'МБОУ "Межениновская СОШ" Томского района', 'СОШ', R, 520, 38, 30, null],
  ['tomsky', 'МБОУ "Октябрьская СОШ" Томского района', 'СОШ', R, 350, 30, 25, null],
  ['tomsky', 'МАОУ «Зональненская СОШ» Томского района', 'СОШ', R, 900, 58, 12, null],
  ['chainsky', 'МБОУ "Усть-Бакчарская СОШ"', 'СОШ', R, 150, 20, 260, null],
  ['chainsky', 'МАОУ "Подгорнская СОШ"', 'СОШ', R, 500, 40, 240, null],
  ['shegarsky', 'МКОУ Каргалинская ООШ', 'ООШ', R, 40, 10, 90, null],
  ['shegarsky', 'МКОУ "Маркеловская СОШ"', 'СОШ', R, 230, 24, 75, null],
];

export const SAMPLE_SCHOOLS: SchoolReference[] = ROWS.map(
  ([municipalityCode, name, type, locality, studentCount, teacherCount, distanceToTomskKm, yearRoundRoad], i) => ({
    code: `sch7${String(i + 1).padStart(5, '0')}`,
    municipalityCode,
    fullName: name,
    shortName: null,
    type,
    founder: name.startsWith('ОГ') ? SchoolFounder.REGIONAL : SchoolFounder.MUNICIPAL,
    locality,
    studentCount,
    teacherCount,
    distanceToTomskKm,
    yearRoundRoad,
  }),
);
