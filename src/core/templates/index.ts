import { ecommerceYaml } from './ecommerce';
import { foodDeliveryYaml } from './foodDelivery';

export interface Template {
  id: string;
  name: string;
  description: string;
  yaml: string;
}

/** The starting points offered by "New from template" and `signalbox init`; the first is the default. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'food-delivery',
    name: 'Food delivery platform',
    description: 'Orders, card payments, restaurants and courier tracking: sync where money moves, Kafka events for the rest.',
    yaml: foodDeliveryYaml,
  },
  {
    id: 'ecommerce',
    name: 'E-commerce platform',
    description: 'A small web shop: users, orders and stock reserved by events, with a few flaws left in to find.',
    yaml: ecommerceYaml,
  },
];

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
