from . import quality_capa_effectiveness_wizard
