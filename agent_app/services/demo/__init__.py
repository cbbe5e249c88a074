"""Demo data: a water group with two companies, their people, customers and tickets."""
