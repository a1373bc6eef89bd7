import { parseNear, roundKm } from './public-directory.rule.js';

describe('parseNear', () => {
  it('reads latitude,longitude in decimal degrees', () => {
    expect(parseNear('50.8467,4.3525')).toEqual({ latitude: 50.8467, longitude: 4.3525 });
    expect(parseNear('-33.9,-70')).toEqual({ latitude: -33.9, longitude: -70 });
  });

  it.each(['91,4', '50,181', '50', '50,4,3', ',4', 'a,b'])('refuses %s', (near) => {
    expect(parseNear(near)).toBeNull();
  });
});

describe('roundKm', () => {
  it('rounds to 10 metres and keeps null', () => {
    expect(roundKm(1.23456)).toBe(1.23);
    expect(roundKm(0.005)).toBe(0.01);
    expect(roundKm(null)).toBeNull();
  });
});
