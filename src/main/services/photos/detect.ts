export { sniffImage, type Sniffed } from '../../../shared/domain/photo-format';
