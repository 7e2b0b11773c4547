import type { BigLocation } from './catalog-data';

/**
 * A salon of the bench's own making, in Brazilian Portuguese: written from typical São Paulo / Rio
 * salon menus (not from the demo chain and not from the thesaurus), so the labelled set has a menu in a
 * fourth language whose words nobody tuned the engine on. Category titles differ from the service
 * titles on purpose: "Estética facial" is a category, no title says "estética".
 */

const MENU: [category: string, titles: string[]][] = [
  [
    'Cabelo',
    [
      'Corte feminino',
      'Corte masculino',
      'Corte infantil',
      'Escova modelada',
      'Escova progressiva',
      'Hidratação profunda',
      'Cauterização capilar',
      'Botox capilar',
      'Reconstrução com queratina',
      'Penteado para festa',
    ],
  ],
  [
    'Coloração',
    ['Tintura de raiz', 'Tonalizante', 'Luzes', 'Mechas californianas', 'Morena iluminada', 'Descoloração global'],
  ],
  [
    'Unhas',
    [
      'Mão',
      'Pé',
      'Pé e mão',
      'Esmaltação em gel',
      'Alongamento em fibra de vidro',
      'Alongamento em gel',
      'Spa dos pés',
      'Remoção de gel',
    ],
  ],
  [
    'Estética facial',
    [
      'Limpeza de pele',
      'Peeling de diamante',
      'Microagulhamento',
      'Design de sobrancelhas',
      'Design com henna',
      'Extensão de cílios fio a fio',
      'Lash lifting',
    ],
  ],
  ['Depilação', ['Cera perna inteira', 'Cera axila', 'Cera virilha completa', 'Buço com linha', 'Fotodepilação']],
  [
    'Corpo',
    ['Massagem relaxante', 'Drenagem linfática', 'Massagem modeladora', 'Bronzeamento a jato', 'Ventosaterapia'],
  ],
  ['Barbearia', ['Barba completa', 'Barba e cabelo', 'Pigmentação de barba', 'Relaxamento capilar masculino']],
];

const STAFF = ['Juliana Souza', 'Fernanda Oliveira', 'Thiago Santos', 'Patrícia Lima', 'Rafael Costa', 'Aline Pereira'];

export const PT_SALON_ID = 699_001;

/** The salon as sync would hand it over; ids start well clear of the generated chain. */
export function buildPtSalon(): BigLocation {
  const staff = STAFF.map((name, i) => ({
    id: 699_100 + i,
    name,
    specialization: '',
    position: null,
    avatar: null,
    avatarBig: null,
    imageGroupId: null,
    weight: STAFF.length - i,
    fired: false,
    hidden: false,
    deleted: false,
  }));
  let serviceId = 699_500;
  const categories = MENU.map(([title], i) => ({ id: 699_200 + i, title, weight: 100 - i, staffIds: [] }));
  const services = MENU.flatMap(([, titles], ci) =>
    titles.map((title, i) => {
      const id = ++serviceId;
      return {
        id,
        categoryId: categories[ci]!.id,
        title,
        priceMin: 50 + 10 * i,
        priceMax: 80 + 10 * i,
        durationSec: 3600,
        weight: 1000 - id,
        active: true,
        comment: null,
        staff: [{ staffId: staff[(ci + i) % staff.length]!.id, seanceLengthSec: 3600, price: null }],
      };
    }),
  );
  return {
    company: {
      id: PT_SALON_ID,
      title: 'Studio Ipanema',
      address: 'Rua Visconde de Pirajá, 300',
      city: 'Rio de Janeiro',
      phones: [],
      email: null,
      site: null,
      timezoneName: 'America/Sao_Paulo',
      currencyShortTitle: 'R$',
      schedule: null,
      logo: null,
    },
    categories,
    services,
    staff,
    license: { plan: 'Demo', active: true, startDate: null, endDate: null, staffLimit: null },
  };
}
