import { describe, expect, it } from 'vitest';
import { parseShnorCategory, parseShnorProgrammeStatus } from './shnor-labels';
import { ShnorCategory, ShnorProgrammeStatus } from './shnor-listing.entity';

describe('parseShnorCategory', () => {
  it.each([
    ['ШНОР', ShnorCategory.SHNOR],
    [' шнор ', ShnorCategory.SHNOR],
    ['ШНСУ', ShnorCategory.SHNSU],
    ['ШНОР и ШНСУ', ShnorCategory.SHNOR_AND_SHNSU],
    ['ШНОР/ШНСУ', ShnorCategory.SHNOR_AND_SHNSU],
    ['ШНСУ, ШНОР', ShnorCategory.SHNOR_AND_SHNSU],
    ['SHNOR_AND_SHNSU', ShnorCategory.SHNOR_AND_SHNSU],
    ['SHNSU', ShnorCategory.SHNSU],
  ])('«%s» → %s', (text, category) => {
    expect(parseShnorCategory(text)).toBe(category);
  });

  it.each(['ШНОРР', 'ШНОР или нет', 'и', '', 'школа'])('«%s» is not a category', (text) => {
    expect(parseShnorCategory(text)).toBeNull();
  });
});

describe('parseShnorProgrammeStatus', () => {
  it.each([
    ['Проект', ShnorProgrammeStatus.DRAFT],
    ['DRAFT', ShnorProgrammeStatus.DRAFT],
    ['утверждена', ShnorProgrammeStatus.APPROVED],
    ['Утверждено', ShnorProgrammeStatus.APPROVED],
    ['На   мониторинге', ShnorProgrammeStatus.MONITORED],
    ['MONITORED', ShnorProgrammeStatus.MONITORED],
  ])('«%s» → %s', (text, status) => {
    expect(parseShnorProgrammeStatus(text)).toBe(status);
  });

  it.each(['готово', 'на проверке', ''])('«%s» is not a status', (text) => {
    expect(parseShnorProgrammeStatus(text)).toBeNull();
  });
});
