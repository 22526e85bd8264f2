export { XmlError, XmlTokenizer, decodeXml, isXmlChar } from './tokenizer';
export type { TokenKind } from './tokenizer';
