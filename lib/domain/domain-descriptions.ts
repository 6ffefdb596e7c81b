import type { Locale } from './locales';
import type { DomainKey } from './profile';

/**
 * Our own short descriptions of what each domain looks at, for national and
 * for local (state, province, city) profiles.
 */
export const domainDescriptions: Record<DomainKey, Record<'national' | 'local', Record<Locale, string>>> = {
  migrants_rights: {
    national: {
      en: 'How far migrants can use health care, schooling and social protection, and their rights to family reunion, work, residence and citizenship.',
      fr: "Dans quelle mesure les migrants accèdent aux soins, à l'école et à la protection sociale, et leurs droits au regroupement familial, au travail, au séjour et à la nationalité.",
      es: 'En qué medida las personas migrantes acceden a la salud, la educación y la protección social, y sus derechos a la reunificación familiar, al trabajo, a la residencia y a la ciudadanía.',
    },
    local: {
      en: 'Whether migrants in the city can use local services such as health care, schooling and social support, and what the city does for their inclusion at work.',
      fr: "Si les migrants de la localité ont accès aux services locaux (santé, école, aide sociale) et ce que la localité fait pour leur insertion professionnelle.",
      es: 'Si las personas migrantes acceden a los servicios locales, como salud, educación y apoyo social, y qué hace el gobierno local por su inclusión laboral.',
    },
  },
  whole_of_government: {
    national: {
      en: 'The institutions, laws and strategies that shape migration policy, how consistent and transparent they are, and how the state gathers and uses migration data.',
      fr: "Les institutions, lois et stratégies qui encadrent la politique migratoire, leur cohérence et leur transparence, et la façon dont l'État collecte et utilise les données migratoires.",
      es: 'Las instituciones, leyes y estrategias que orientan la política migratoria, su coherencia y transparencia, y cómo el Estado recopila y usa datos sobre migración.',
    },
    local: {
      en: "The local bodies and plans that deal with migration, how they coordinate with other levels of government, and how open they are about their work.",
      fr: "Les services et plans locaux consacrés aux migrations, leur coordination avec les autres niveaux de gouvernement et la transparence de leur action.",
      es: 'Las entidades y planes locales que atienden la migración, su coordinación con otros niveles de gobierno y la transparencia de su labor.',
    },
  },
  partnerships: {
    national: {
      en: 'Cooperation on migration with other states, international organizations, civil society and the private sector, including key international agreements.',
      fr: "La coopération en matière de migration avec d'autres États, les organisations internationales, la société civile et le secteur privé, y compris les grands accords internationaux.",
      es: 'La cooperación en materia migratoria con otros Estados, organismos internacionales, la sociedad civil y el sector privado, incluidos los principales acuerdos internacionales.',
    },
    local: {
      en: 'How the local government works on migration with the national government, other cities, civil society, academia and businesses.',
      fr: "La manière dont l'administration locale travaille sur les migrations avec l'État, d'autres villes, la société civile, les universités et les entreprises.",
      es: 'Cómo el gobierno local trabaja la migración con el gobierno nacional, otras ciudades, la sociedad civil, la academia y las empresas.',
    },
  },
  well_being: {
    national: {
      en: "Policies for migrants' social and economic well-being: recognition of skills and diplomas, student mobility, labour agreements, diaspora engagement and remittances.",
      fr: "Les politiques de bien-être socioéconomique des migrants : reconnaissance des compétences et diplômes, mobilité étudiante, accords de travail, diaspora et envois de fonds.",
      es: 'Las políticas de bienestar socioeconómico: reconocimiento de competencias y títulos, movilidad estudiantil, acuerdos laborales, diáspora y remesas.',
    },
    local: {
      en: 'Local action for decent work, access to jobs and training, international students, entrepreneurship and ties with the diaspora.',
      fr: "L'action locale pour le travail décent, l'accès à l'emploi et à la formation, les étudiants internationaux, l'entrepreneuriat et les liens avec la diaspora.",
      es: 'La acción local en favor del trabajo decente, el acceso al empleo y la formación, los estudiantes internacionales, el emprendimiento y los vínculos con la diáspora.',
    },
  },
  mobility_crises: {
    national: {
      en: 'How prepared the country is for the movement of people caused by disasters, environmental change or conflict, and whether help reaches migrants as it reaches citizens.',
      fr: "Le degré de préparation du pays aux déplacements causés par les catastrophes, l'environnement ou les conflits, et si l'aide parvient aux migrants comme aux nationaux.",
      es: 'Qué tan preparado está el país ante los desplazamientos causados por desastres, cambios ambientales o conflictos, y si la ayuda llega a las personas migrantes igual que a la ciudadanía.',
    },
    local: {
      en: 'How the local government prepares for and responds to crises that move people, and whether migrants are included in emergency plans and assistance.',
      fr: "La façon dont l'administration locale se prépare et répond aux crises qui déplacent des personnes, et si les migrants sont inclus dans les plans d'urgence et l'assistance.",
      es: 'Cómo el gobierno local se prepara y responde ante crisis que desplazan a personas, y si las personas migrantes están incluidas en los planes de emergencia y la asistencia.',
    },
  },
  safe_orderly_regular: {
    national: {
      en: 'Border management and admission, readiness for large and sudden arrivals, the fight against trafficking and smuggling, and support for returning citizens.',
      fr: "La gestion des frontières et de l'admission, la préparation aux arrivées massives et soudaines, la lutte contre la traite et le trafic, et l'appui aux nationaux de retour.",
      es: 'La gestión de fronteras y de la admisión, la preparación ante llegadas grandes y repentinas, la lucha contra la trata y el tráfico, y el apoyo a quienes retornan.',
    },
    local: {
      en: 'The safety of migrants in the city, local action against human trafficking, and support for people who return and reintegrate.',
      fr: "La sécurité des migrants dans la localité, l'action locale contre la traite des personnes et l'appui au retour et à la réintégration.",
      es: 'La seguridad de las personas migrantes en el territorio, la acción local contra la trata de personas y el apoyo al retorno y la reintegración.',
    },
  },
};
