/** Vietnamese text: Unicode normalisation and label matching, legacy TCVN3/VNI fonts, numbers as communes type them. */
export * from './normalize';
export * from './legacy';
export * from './numbers';
export * from './xml-chars';
